import { deliveryMeasurementCompletedV1 } from '@hashproof/events';
import { IDEMPOTENT_CONSUMER, kafkaMessageOf, type TransactionalConsumer } from '@hashproof/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { RecordDeliveryMeasurementUseCase } from './record-delivery-measurement.usecase';

@Controller()
export class MeasurementCompletedHandler {
  constructor(
    @Inject(IDEMPOTENT_CONSUMER) private readonly consumer: TransactionalConsumer,
    private readonly recordDeliveryMeasurement: RecordDeliveryMeasurementUseCase,
  ) {}

  @EventPattern(deliveryMeasurementCompletedV1.topic)
  async handle(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(deliveryMeasurementCompletedV1, kafkaMessageOf(context), (event, transaction) =>
      this.recordDeliveryMeasurement.execute(event, transaction),
    );
  }
}
