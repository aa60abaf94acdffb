import { ConfigValidationError } from '@hashproof/config';

/**
 * Entry-point wrapper: a configuration error prints its message (naming each bad setting) and exits 1
 * without a stack trace; any other start-up failure is printed in full.
 */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(
        `start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    process.exit(1);
  });
}
