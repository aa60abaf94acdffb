import { z } from 'zod';
import { databaseSettings, kafkaSettings, port, requireSaslCredentials, runtimeSettings } from '../settings';

export const hashrateVerifierConfigSchema = z
  .object({
    ...runtimeSettings,
    ...databaseSettings,
    ...kafkaSettings,
    HTTP_PORT: port(3002),
    STRATUM_PORT: port(3333),
  })
  .superRefine(requireSaslCredentials);

export type HashrateVerifierConfig = z.output<typeof hashrateVerifierConfigSchema>;
