import { payoutsConfigSchema } from '@hashproof/config';
import { runService } from '@hashproof/runtime';
import { PayoutsModule, service } from './payouts.module';

runService({ service, configSchema: payoutsConfigSchema, rootModule: (config) => PayoutsModule.forRoot(config) });
