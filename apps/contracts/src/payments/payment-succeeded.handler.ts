import { paymentSucceededV1 } from '@hashproof/events';
import { IDEMPOTENT_CONSUMER, kafkaMessageOf, type TransactionalConsumer } from '@hashproof/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { ApplyPaymentSucceededUseCase } from './apply-payment-succeeded.usecase';

@Controller()
export class PaymentSucceededHandler {
  constructor(
    @Inject(IDEMPOTENT_CONSUMER) private readonly consumer: TransactionalConsumer,
    private readonly applyPaymentSucceeded: ApplyPaymentSucceededUseCase,
  ) {}

  @EventPattern(paymentSucceededV1.topic)
  async handle(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(paymentSucceededV1, kafkaMessageOf(context), (event, transaction) =>
      this.applyPaymentSucceeded.execute(event, transaction),
    );
  }
}
