import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { UnusableSessionError } from './unusable-session.error';

export interface SessionFile {
  readonly sizeBytes: number;
  readonly lines: AsyncIterable<string>;
  /** Bytes consumed so far, for progress reporting. */
  bytesRead(): number;
}

/** Opens a recorded session for line-by-line streaming; fails with a plain message if it cannot. */
export async function openSessionFile(path: string): Promise<SessionFile> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new UnusableSessionError(`cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  if (!info.isFile()) throw new UnusableSessionError(`cannot read ${path}: not a regular file`);
  const stream = createReadStream(path);
  let consumed = 0;
  stream.on('data', (chunk) => (consumed += chunk.length));
  return {
    sizeBytes: info.size,
    lines: createInterface({ input: stream, crlfDelay: Infinity }),
    bytesRead: () => consumed,
  };
}
