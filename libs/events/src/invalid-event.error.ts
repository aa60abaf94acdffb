import type { z } from 'zod';

/** An event that does not satisfy its topic's contract: never retried, it goes to the dead-letter topic. */
export class InvalidEventError extends Error {
  constructor(
    readonly topic: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid ${topic} event: ${problems.join('; ')}`);
    this.name = 'InvalidEventError';
  }

  static fromZod(topic: string, error: z.ZodError): InvalidEventError {
    return new InvalidEventError(
      topic,
      error.issues.map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`),
    );
  }
}
