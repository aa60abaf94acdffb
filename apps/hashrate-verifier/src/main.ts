import { hashrateVerifierConfigSchema } from '@hashproof/config';
import { runService } from '@hashproof/runtime';
import { HashrateVerifierModule, service } from './hashrate-verifier.module';

runService({
  service,
  configSchema: hashrateVerifierConfigSchema,
  rootModule: (config) => HashrateVerifierModule.forRoot(config),
});
