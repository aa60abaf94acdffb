import type { ContractsConfig } from '@hashproof/config';
import { dataSourceOptions } from '@hashproof/database';
import { KafkaHealthIndicator, MessagingModule } from '@hashproof/messaging';
import { PostgresReadiness, RuntimeModule } from '@hashproof/runtime';
import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { contractsDatabase } from './database/contracts-database';
import { RentalsModule } from './rentals/rentals.module';

export const service = 'contracts';

@Module({})
export class ContractsModule {
  static forRoot(config: ContractsConfig): DynamicModule {
    return {
      module: ContractsModule,
      imports: [
        RuntimeModule.forRoot({
          service,
          logLevel: config.LOG_LEVEL,
          readiness: [KafkaHealthIndicator, PostgresReadiness],
        }),
        TypeOrmModule.forRoot(dataSourceOptions(contractsDatabase(config))),
        MessagingModule.forRoot({ service, kafka: config, outboxPollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS }),
        RentalsModule,
      ],
    };
  }
}
