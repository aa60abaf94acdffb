import type { z } from 'zod';
import { sensitiveSettings } from './sensitive';

/** The config as it may be logged at boot: secrets replaced, everything else shown. */
export function redactConfig(
  schema: z.ZodObject<Record<string, z.ZodType>>,
  config: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([name, value]) => {
      const setting: z.ZodType | undefined = schema.shape[name];
      const secret = setting !== undefined && sensitiveSettings.has(setting);
      return [name, secret && value !== undefined ? '[redacted]' : value];
    }),
  );
}
