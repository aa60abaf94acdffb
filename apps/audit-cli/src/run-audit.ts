import { openSessionFile, SessionAuditor, UnusableSessionError } from '@hashproof/stratum';
import { parseAuditArguments, UsageError } from './audit-arguments';
import { writeLine } from './line-writer';
import { progressReporter } from './progress-reporter';

export interface AuditIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export const EXIT = { ok: 0, underDelivery: 1, unusable: 2 } as const;

/** The whole CLI as a function: JSON lines on stdout, messages on stderr, the exit status returned. */
export async function runAudit(argv: readonly string[], io: AuditIo): Promise<number> {
  try {
    const { sessionPath, options } = parseAuditArguments(argv);
    const file = await openSessionFile(sessionPath);
    const auditor = new SessionAuditor(options);
    const progress = progressReporter(io.stderr, file.sizeBytes);
    let lineCount = 0;
    for await (const line of file.lines) {
      const share = auditor.consume(line);
      if (share) await writeLine(io.stdout, share);
      if (++lineCount % 10_000 === 0) progress.update(file.bytesRead());
    }
    progress.stop();
    const summary = auditor.summary();
    await writeLine(io.stdout, { summary });
    return summary.verdict === 'under-delivery' ? EXIT.underDelivery : EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || error instanceof UnusableSessionError) {
      io.stderr.write(`audit: ${error.message}\n`);
      return EXIT.unusable;
    }
    throw error;
  }
}
