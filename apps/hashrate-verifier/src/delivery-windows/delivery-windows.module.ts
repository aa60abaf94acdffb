import { Outbox } from '@hashproof/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { ContractFlagsRecorder } from '../contract-flags/contract-flags.recorder';
import { CloseDueWindowsUseCase } from './close-due-windows.usecase';
import { DELIVERY_WINDOW_SETTINGS, type DeliveryWindowSettings } from './delivery-window-settings';
import { EvidenceConsumer } from './evidence-consumer';
import { RecordConnectionChangeUseCase } from './record-connection-change.usecase';
import { RecordSharesUseCase } from './record-shares.usecase';
import { WindowCloser } from './window-closer';

@Module({})
export class DeliveryWindowsModule {
  static forRoot(settings: DeliveryWindowSettings): DynamicModule {
    return {
      module: DeliveryWindowsModule,
      providers: [
        { provide: DELIVERY_WINDOW_SETTINGS, useValue: settings },
        {
          provide: ContractFlagsRecorder,
          inject: [Outbox],
          useFactory: (outbox: Outbox) => new ContractFlagsRecorder(outbox, settings.flags),
        },
        RecordSharesUseCase,
        RecordConnectionChangeUseCase,
        EvidenceConsumer,
        CloseDueWindowsUseCase,
        WindowCloser,
      ],
    };
  }
}
