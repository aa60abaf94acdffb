import { Module } from '@nestjs/common';
import { CapacityCheckCompletedHandler } from './capacity-check-completed.handler';
import { ProviderCapacityRepository } from './provider-capacity.repository';
import { RecordVerifiedCapacityUseCase } from './record-verified-capacity.usecase';

/** What each provider may sell, from the verifier's completed capacity checks. */
@Module({
  controllers: [CapacityCheckCompletedHandler],
  providers: [ProviderCapacityRepository, RecordVerifiedCapacityUseCase],
  exports: [ProviderCapacityRepository],
})
export class ProviderCapacityModule {}
