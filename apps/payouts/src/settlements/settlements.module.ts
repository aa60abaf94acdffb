import { Module } from '@nestjs/common';
import { OpenSettlementUseCase } from './open-settlement.usecase';
import { RentalActivatedHandler } from './rental-activated.handler';

@Module({ controllers: [RentalActivatedHandler], providers: [OpenSettlementUseCase] })
export class SettlementsModule {}
