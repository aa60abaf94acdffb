import { originatingFrom } from '@hashproof/messaging';
import { Controller, Headers, HttpCode, HttpStatus, Post, type RawBodyRequest, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { ApiProblemResponses } from '../problem-details/api-problem-responses.decorator';
import { RecordStripeEventUseCase } from './record-stripe-event.usecase';
import { StripeEventVerifier } from './stripe-event-verifier';
import { StripeWebhookReceiptDto } from './stripe-webhook.dto';

/**
 * Stripe's webhook endpoint. No access token: a delivery proves itself with its `Stripe-Signature` over the
 * raw body. Not rate limited per client: Stripe delivers from a few addresses, in bursts, and an unsigned
 * request costs one HMAC before it is refused.
 */
@ApiTags('webhooks')
@SkipThrottle({ default: true, strict: true })
@Controller('v1/webhooks/stripe')
export class StripeWebhooksController {
  constructor(
    private readonly verifier: StripeEventVerifier,
    private readonly recordStripeEvent: RecordStripeEventUseCase,
  ) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Receives Stripe events (for Stripe only)',
    description:
      'Verified with the endpoint secret over the raw body (300 s timestamp tolerance). Each event is recorded ' +
      'once by its id; payment_intent.succeeded, .payment_failed and .canceled for a rental become ' +
      'payments.* events, every other event is acknowledged and ignored. A repeated delivery answers 200 again.',
  })
  @ApiHeader({ name: 'Stripe-Signature', required: true, description: '`t=<unix seconds>,v1=<hex HMAC-SHA256>`' })
  @ApiBody({ description: 'the Stripe event, byte for byte as Stripe signed it', schema: { type: 'object' } })
  @ApiOkResponse({ type: StripeWebhookReceiptDto })
  @ApiProblemResponses(400)
  async receive(
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Headers('stripe-signature') signature: string | string[] | undefined,
  ): Promise<StripeWebhookReceiptDto> {
    const event = this.verifier.verify(request.rawBody, signature);
    const receipt = await this.recordStripeEvent.execute(event, originatingFrom(request.id));
    return { received: true, duplicate: receipt === 'duplicate' };
  }
}
