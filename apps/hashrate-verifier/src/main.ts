import { hashrateVerifierConfigSchema, loadConfig } from '@hashproof/config';
import { kafkaMicroserviceOptions } from '@hashproof/messaging';
import { runMain, startService } from '@hashproof/runtime';
import { HashrateVerifierModule, service } from './hashrate-verifier.module';

runMain(async () => {
  const config = loadConfig(service, hashrateVerifierConfigSchema);
  await startService({
    rootModule: HashrateVerifierModule.forRoot(config),
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    microservice: kafkaMicroserviceOptions(config, service),
  });
});
