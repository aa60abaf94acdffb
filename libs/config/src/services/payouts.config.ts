import { z } from 'zod';
import {
  databaseSettings,
  kafkaSettings,
  optionalInternalApiSettings,
  port,
  redisSettings,
  requireSaslCredentials,
  runtimeSettings,
} from '../settings';

export const payoutsConfigSchema = z
  .object({
    ...runtimeSettings,
    ...databaseSettings,
    ...kafkaSettings,
    ...redisSettings,
    ...optionalInternalApiSettings,
    HTTP_PORT: port(3003),
  })
  .superRefine(requireSaslCredentials);

export type PayoutsConfig = z.output<typeof payoutsConfigSchema>;
