import { z } from 'zod';
import { databaseSettings, kafkaSettings, port, requireSaslCredentials, runtimeSettings } from '../settings';

export const contractsConfigSchema = z
  .object({
    ...runtimeSettings,
    ...databaseSettings,
    ...kafkaSettings,
    HTTP_PORT: port(3001),
  })
  .superRefine(requireSaslCredentials);

export type ContractsConfig = z.output<typeof contractsConfigSchema>;
