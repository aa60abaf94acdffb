import { payoutsConfigSchema, loadConfig } from '@hashproof/config';
import { kafkaMicroserviceOptions } from '@hashproof/messaging';
import { runMain, startService } from '@hashproof/runtime';
import { PayoutsModule, service } from './payouts.module';

runMain(async () => {
  const config = loadConfig(service, payoutsConfigSchema);
  await startService({
    rootModule: PayoutsModule.forRoot(config),
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    microservice: kafkaMicroserviceOptions(config, service),
  });
});
