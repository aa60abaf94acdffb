import type { z } from 'zod';
import { ConfigValidationError } from './config-validation.error';

type Environment = Record<string, string | undefined>;

/** Empty strings count as unset, so `FOO=` in a compose file does not sneak past a required setting. */
function withoutEmptyValues(env: Environment): Environment {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
}

export function loadConfig<S extends z.ZodType>(
  service: string,
  schema: S,
  env: Environment = process.env,
): z.output<S> {
  const result = schema.safeParse(withoutEmptyValues(env));
  if (!result.success) throw ConfigValidationError.fromZod(service, result.error);
  return result.data;
}
