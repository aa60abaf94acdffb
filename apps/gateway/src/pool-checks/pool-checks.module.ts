import { Module } from '@nestjs/common';
import { PoolChecksController } from './pool-checks.controller';
import { RunPoolCheckUseCase } from './run-pool-check.usecase';

/** Pool checks run by the verifier, on behalf of any signed-in user. */
@Module({
  controllers: [PoolChecksController],
  providers: [RunPoolCheckUseCase],
})
export class PoolChecksModule {}
