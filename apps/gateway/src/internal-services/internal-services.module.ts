import type { GatewayConfig } from '@hashproof/config';
import { InternalApiClient } from '@hashproof/runtime';
import { type DynamicModule, Module } from '@nestjs/common';
import { CONTRACTS_API, VERIFIER_API } from './internal-services.tokens';

/** Commands and owner-scoped reads answer within this, or the gateway's caller gets a 503. */
const contractsTimeoutMs = 10_000;
/** Longer than the longest pool check the verifier may be configured for (POOL_CHECK_TIMEOUT_MS ≤ 30 s). */
const verifierTimeoutMs = 35_000;

/** The services the gateway calls synchronously, global so that any feature module can inject them. */
@Module({})
export class InternalServicesModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: InternalServicesModule,
      global: true,
      providers: [
        {
          provide: CONTRACTS_API,
          useFactory: () =>
            new InternalApiClient(config.CONTRACTS_URL, config.INTERNAL_API_TOKEN, {
              timeoutMs: contractsTimeoutMs,
              service: 'contracts',
            }),
        },
        {
          provide: VERIFIER_API,
          useFactory: () =>
            new InternalApiClient(config.VERIFIER_URL, config.INTERNAL_API_TOKEN, {
              timeoutMs: verifierTimeoutMs,
              service: 'hashrate-verifier',
            }),
        },
      ],
      exports: [CONTRACTS_API, VERIFIER_API],
    };
  }
}
