import { Outbox } from '@hashproof/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { ContractFlagsRecorder } from '../contract-flags/contract-flags.recorder';
import { CloseDueWindowsUseCase } from './close-due-windows.usecase';
import { ConnectionChangedHandler } from './connection-changed.handler';
import { DELIVERY_WINDOW_SETTINGS, type DeliveryWindowSettings } from './delivery-window-settings';
import { RecordConnectionChangeUseCase } from './record-connection-change.usecase';
import { RecordShareUseCase } from './record-share.usecase';
import { ShareJudgedHandler } from './share-judged.handler';
import { WindowCloser } from './window-closer';

@Module({})
export class DeliveryWindowsModule {
  static forRoot(settings: DeliveryWindowSettings): DynamicModule {
    return {
      module: DeliveryWindowsModule,
      controllers: [ShareJudgedHandler, ConnectionChangedHandler],
      providers: [
        { provide: DELIVERY_WINDOW_SETTINGS, useValue: settings },
        {
          provide: ContractFlagsRecorder,
          inject: [Outbox],
          useFactory: (outbox: Outbox) => new ContractFlagsRecorder(outbox, settings.flags),
        },
        RecordShareUseCase,
        RecordConnectionChangeUseCase,
        CloseDueWindowsUseCase,
        WindowCloser,
      ],
    };
  }
}
