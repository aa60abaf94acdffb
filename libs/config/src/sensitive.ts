import { z } from 'zod';

/** Settings registered here are secrets: never printed, only shown as "[redacted]". */
export const sensitiveSettings = z.registry<{ sensitive: true }>();

export function sensitive<T extends z.ZodType>(schema: T): T {
  sensitiveSettings.add(schema, { sensitive: true });
  return schema;
}
