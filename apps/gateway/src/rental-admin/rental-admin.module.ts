import { Module } from '@nestjs/common';
import { RentalAdminClient } from './rental-admin.client';
import { RentalAdminController } from './rental-admin.controller';

/** A rental's disputes, termination and audit trail, served by contracts. */
@Module({
  controllers: [RentalAdminController],
  providers: [RentalAdminClient],
})
export class RentalAdminModule {}
