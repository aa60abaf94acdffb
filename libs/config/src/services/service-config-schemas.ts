import { contractsConfigSchema } from './contracts.config';
import { gatewayConfigSchema } from './gateway.config';
import { hashrateVerifierConfigSchema } from './hashrate-verifier.config';
import { payoutsConfigSchema } from './payouts.config';

/** Every deployable service and its schema; deployment manifests are checked against these names. */
export const serviceConfigSchemas = {
  gateway: gatewayConfigSchema,
  contracts: contractsConfigSchema,
  'hashrate-verifier': hashrateVerifierConfigSchema,
  payouts: payoutsConfigSchema,
} as const;

export type ServiceName = keyof typeof serviceConfigSchemas;
