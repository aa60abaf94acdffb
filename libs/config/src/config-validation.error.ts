import type { z } from 'zod';

/** Thrown at boot when the environment does not satisfy a service's schema; the message names every bad setting. */
export class ConfigValidationError extends Error {
  constructor(
    readonly service: string,
    readonly problems: readonly string[],
  ) {
    super(`${service}: invalid configuration\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }

  static fromZod(service: string, error: z.ZodError): ConfigValidationError {
    const problems = error.issues.map((issue) => {
      const setting = issue.path.join('.') || '(environment)';
      return `${setting}: ${issue.message}`;
    });
    return new ConfigValidationError(service, problems);
  }
}
