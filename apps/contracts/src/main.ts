import { contractsConfigSchema } from '@hashproof/config';
import { runService } from '@hashproof/runtime';
import { ContractsModule, service } from './contracts.module';

runService({ service, configSchema: contractsConfigSchema, rootModule: (config) => ContractsModule.forRoot(config) });
