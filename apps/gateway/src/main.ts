import { gatewayConfigSchema } from '@hashproof/config';
import { runService } from '@hashproof/runtime';
import { configureGateway } from './configure-gateway';
import { GatewayModule, service } from './gateway.module';

runService({
  service,
  configSchema: gatewayConfigSchema,
  rootModule: (config) => GatewayModule.forRoot(config),
  configure: configureGateway,
  // Stripe signs the exact bytes it sends; the webhook verifies the signature over them (stripe-webhooks/).
  rawBody: true,
});
