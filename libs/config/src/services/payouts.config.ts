import { z } from 'zod';
import {
  databaseSettings,
  kafkaSettings,
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
    HTTP_PORT: port(3003),
  })
  .superRefine(requireSaslCredentials);

export type PayoutsConfig = z.output<typeof payoutsConfigSchema>;
