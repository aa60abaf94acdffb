import { gatewayConfigSchema, loadConfig } from '@hashproof/config';
import { kafkaMicroserviceOptions } from '@hashproof/messaging';
import { runMain, startService } from '@hashproof/runtime';
import { GatewayModule, service } from './gateway.module';
import { serveOpenApi } from './openapi';

runMain(async () => {
  const config = loadConfig(service, gatewayConfigSchema);
  await startService({
    rootModule: GatewayModule.forRoot(config),
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    microservice: kafkaMicroserviceOptions(config, service),
    configure: serveOpenApi,
  });
});
