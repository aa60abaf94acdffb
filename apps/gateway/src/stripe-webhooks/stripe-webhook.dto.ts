import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** The answer to Stripe: any 2xx ends its retries. */
export class StripeWebhookReceiptDto extends createZodDto(
  z.object({
    received: z.literal(true),
    duplicate: z.boolean().describe('true when this event had been received before; nothing was done again'),
  }),
) {}
