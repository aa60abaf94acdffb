import { SingleBar } from 'cli-progress';

/** Files below this audit in well under a second; a bar would only flicker. */
export const PROGRESS_THRESHOLD_BYTES = 8 * 1024 * 1024;

export interface ProgressReporter {
  update(bytesRead: number): void;
  stop(): void;
}

const SILENT: ProgressReporter = { update: () => undefined, stop: () => undefined };

export function progressReporter(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  totalBytes: number,
): ProgressReporter {
  if (!stream.isTTY || totalBytes < PROGRESS_THRESHOLD_BYTES) return SILENT;
  const bar = new SingleBar({
    stream,
    format: 'auditing [{bar}] {percentage}% | {value}/{total} MiB',
    hideCursor: true,
  });
  const mib = (bytes: number) => Math.round(bytes / 1048576);
  bar.start(mib(totalBytes), 0);
  return { update: (bytesRead) => bar.update(mib(bytesRead)), stop: () => bar.stop() };
}
