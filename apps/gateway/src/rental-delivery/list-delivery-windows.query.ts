import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { deliveryWindowViewSchema } from './delivery-window.dto';

/** Keyset pagination, newest window first: stable while new windows close. */
export const listDeliveryWindowsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional().describe('`nextCursor` of the previous page'),
});

export class ListDeliveryWindowsQueryDto extends createZodDto(listDeliveryWindowsQuerySchema) {}

export class DeliveryWindowPageDto extends createZodDto(
  z.object({
    items: z.array(deliveryWindowViewSchema),
    nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last one'),
  }),
) {}
