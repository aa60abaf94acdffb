export { ConfigValidationError } from './config-validation.error';
export { loadConfig } from './load-config';
export { redactConfig } from './redact';
export { sensitive, sensitiveSettings } from './sensitive';
export { contractsConfigSchema, type ContractsConfig } from './services/contracts.config';
export { gatewayConfigSchema, type GatewayConfig } from './services/gateway.config';
export { hashrateVerifierConfigSchema, type HashrateVerifierConfig } from './services/hashrate-verifier.config';
export { payoutsConfigSchema, type PayoutsConfig } from './services/payouts.config';
export { serviceConfigSchemas, type ServiceName } from './services/service-config-schemas';
