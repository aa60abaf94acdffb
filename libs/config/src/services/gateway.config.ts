import { z } from 'zod';
import {
  databaseSettings,
  kafkaSettings,
  port,
  redisSettings,
  requireSaslCredentials,
  runtimeSettings,
} from '../settings';

export const gatewayConfigSchema = z
  .object({
    ...runtimeSettings,
    ...databaseSettings,
    ...kafkaSettings,
    ...redisSettings,
    HTTP_PORT: port(3000),
  })
  .superRefine(requireSaslCredentials);

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;
