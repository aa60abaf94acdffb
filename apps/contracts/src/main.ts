import { contractsConfigSchema, loadConfig } from '@hashproof/config';
import { kafkaMicroserviceOptions } from '@hashproof/messaging';
import { runMain, startService } from '@hashproof/runtime';
import { ContractsModule, service } from './contracts.module';

runMain(async () => {
  const config = loadConfig(service, contractsConfigSchema);
  await startService({
    rootModule: ContractsModule.forRoot(config),
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    microservice: kafkaMicroserviceOptions(config, service),
  });
});
