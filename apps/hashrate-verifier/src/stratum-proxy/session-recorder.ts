import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { type RecordedLine } from './recorded-line';
import { recordingPath, utcDay } from './recording-path';
import { SessionContext } from './session-context';

export interface SessionRecorderOptions {
  readonly dir: string;
  /** A file past this size is closed and the session continues in a new one. */
  readonly maxFileBytes: number;
  readonly onError?: (error: Error) => void;
}

/** Records rig connections as JSON Lines sessions (docs/stratum-session-format.md). */
export class SessionRecorder {
  constructor(private readonly options: SessionRecorderOptions) {}

  open(rentalId: string, connectionId: string): SessionRecording {
    return new SessionRecording(this.options, rentalId, connectionId);
  }
}

/**
 * One connection's recording. Files rotate at the size limit and at UTC midnight (so retention can
 * go by day folder); each new file opens with the session context and can be audited on its own.
 * Writing is asynchronous and in order; a failing disk stops this recording, never the connection.
 */
export class SessionRecording {
  readonly files: string[] = [];
  private readonly context = new SessionContext();
  private stream: WriteStream | null = null;
  private bytes = 0;
  /** Bytes of context the current file opened with: a file is rotated only once it holds more. */
  private contextBytes = 0;
  private day = '';
  private failed = false;

  constructor(
    private readonly options: SessionRecorderOptions,
    private readonly rentalId: string,
    private readonly connectionId: string,
  ) {}

  append(event: RecordedLine): void {
    if (this.failed) return;
    const text = `${JSON.stringify(event)}\n`;
    if (this.stream === null || this.mustRotate(event.ts, Buffer.byteLength(text))) this.rotate(event.ts);
    this.write(text);
    this.context.observe(event);
  }

  async close(): Promise<void> {
    const stream = this.stream;
    this.stream = null;
    if (!stream || stream.destroyed) return;
    stream.end();
    await once(stream, 'close').catch(() => undefined);
  }

  private mustRotate(ts: number, lineBytes: number): boolean {
    if (utcDay(ts) !== this.day) return true;
    return this.bytes > this.contextBytes && this.bytes + lineBytes > this.options.maxFileBytes;
  }

  private rotate(ts: number): void {
    this.stream?.end();
    const file = recordingPath(this.options.dir, this.rentalId, this.connectionId, ts, this.files.length);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
    } catch (error) {
      this.fail(error as Error);
      return;
    }
    this.files.push(file);
    this.day = utcDay(ts);
    this.bytes = 0;
    this.stream = createWriteStream(file, { flags: 'a' });
    this.stream.on('error', (error) => this.fail(error));
    for (const line of this.context.lines(ts)) this.write(`${JSON.stringify(line)}\n`);
    this.contextBytes = this.bytes;
  }

  private write(text: string): void {
    if (this.failed || !this.stream) return;
    this.stream.write(text);
    this.bytes += Buffer.byteLength(text);
  }

  private fail(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.stream?.destroy();
    this.options.onError?.(error);
  }
}
