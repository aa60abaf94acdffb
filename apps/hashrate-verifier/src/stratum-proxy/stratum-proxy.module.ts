import type { HashrateVerifierConfig } from '@hashproof/config';
import { type DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KafkaShareOutcomeSink } from './kafka-share-outcome.sink';
import { PostgresContractDirectory } from './postgres-contract.directory';
import { STRATUM_PROXY_CONFIG, StratumProxyLifecycle } from './stratum-proxy.lifecycle';
import { CONTRACT_DIRECTORY, SHARE_OUTCOME_SINK } from './stratum-proxy.tokens';

/** The stratum endpoint for providers' rigs (STRATUM_PORT). */
@Module({})
export class StratumProxyModule {
  static forRoot(config: HashrateVerifierConfig): DynamicModule {
    return {
      module: StratumProxyModule,
      providers: [
        { provide: STRATUM_PROXY_CONFIG, useValue: config },
        {
          provide: CONTRACT_DIRECTORY,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new PostgresContractDirectory(dataSource),
        },
        KafkaShareOutcomeSink,
        { provide: SHARE_OUTCOME_SINK, useExisting: KafkaShareOutcomeSink },
        StratumProxyLifecycle,
      ],
    };
  }
}
