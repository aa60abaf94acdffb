import { EventEmitter } from 'node:events';
import { type Socket } from 'node:net';
import { parseJsonRpcLine, type JsonRpcFrame, type JsonRpcId } from '@hashproof/stratum';
import { LineSplitter } from '../framing/line-splitter';
import { LineTooLongError } from '../framing/line-too-long.error';
import { type CloseReason } from './close-reason';
import { DEFAULT_CONNECTION_OPTIONS, type ConnectionOptions } from './connection-options';
import { OTHER_ERROR_CODE, stratumError, type StratumError } from './json-rpc-error';

export interface JsonRpcConnectionEvents {
  /** A well-formed JSON-RPC line; `line` is the raw text for stricter parsers. */
  frame: [frame: JsonRpcFrame, line: string];
  close: [reason: CloseReason, detail: string];
}

/**
 * Newline-delimited JSON-RPC over one socket, defended against the usual abuse: over-long lines,
 * garbage, peers that stop reading and peers that vanish without a FIN. A line that is not JSON-RPC
 * is answered with error 20 rather than ending the session, up to `maxInvalidLines` in a row.
 */
export class JsonRpcConnection extends EventEmitter<JsonRpcConnectionEvents> {
  private readonly options: Required<ConnectionOptions>;
  private readonly splitter: LineSplitter;
  private readonly idleTimer: NodeJS.Timeout;
  private invalidLinesInARow = 0;
  private closed = false;

  constructor(
    readonly socket: Socket,
    options: ConnectionOptions = {},
  ) {
    super();
    this.options = { ...DEFAULT_CONNECTION_OPTIONS, ...options };
    this.splitter = new LineSplitter(this.options.maxLineBytes);
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 30_000);
    this.idleTimer = setTimeout(
      () => this.close('idle-timeout', 'no complete line in time'),
      this.options.idleTimeoutMs,
    );
    this.idleTimer.unref();
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('end', () => this.close('peer-closed', 'peer ended the connection'));
    socket.on('error', (error) => this.close('socket-error', error.message));
    socket.on('close', () => this.close('peer-closed', 'socket closed'));
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  get remoteAddress(): string {
    return `${this.socket.remoteAddress ?? '?'}:${this.socket.remotePort ?? '?'}`;
  }

  /** Writes one message; false when the socket buffer is full (await `drained()` before more bulk). */
  send(message: object): boolean {
    if (this.closed) return false;
    const flushed = this.socket.write(`${JSON.stringify(message)}\n`);
    if (this.socket.writableLength > this.options.maxQueuedWriteBytes) {
      this.close('slow-reader', `${this.socket.writableLength} bytes queued`);
    }
    return flushed;
  }

  async drained(): Promise<void> {
    if (this.closed || !this.socket.writableNeedDrain) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.socket.off('drain', done);
        this.off('close', done);
        resolve();
      };
      this.socket.on('drain', done);
      this.on('close', done);
    });
  }

  respond(id: JsonRpcId, result: unknown, error: StratumError | null = null): boolean {
    return this.send({ id, result: error === null ? result : null, error });
  }

  notify(method: string, params: readonly unknown[]): boolean {
    return this.send({ id: null, method, params });
  }

  /** Ends the connection (FIN after queued output), destroying it if the peer does not finish. */
  close(reason: CloseReason = 'local-close', detail = 'closed locally'): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.idleTimer);
    if (reason === 'local-close' && !this.socket.destroyed) this.socket.end(() => this.socket.destroy());
    else this.socket.destroy();
    this.emit('close', reason, detail);
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    let lines: string[];
    try {
      lines = this.splitter.push(chunk);
    } catch (error) {
      if (!(error instanceof LineTooLongError)) throw error;
      this.send({ id: null, result: null, error: stratumError(OTHER_ERROR_CODE, error.message) });
      this.close('line-too-long', error.message);
      return;
    }
    for (const line of lines) if (!this.closed) this.onLine(line);
  }

  private onLine(line: string): void {
    this.idleTimer.refresh();
    let frame: JsonRpcFrame;
    try {
      frame = parseJsonRpcLine(line);
    } catch (error) {
      this.onInvalidLine(error instanceof Error ? error.message : String(error));
      return;
    }
    this.invalidLinesInARow = 0;
    this.emit('frame', frame, line);
  }

  private onInvalidLine(message: string): void {
    this.invalidLinesInARow++;
    this.respond(null, null, stratumError(OTHER_ERROR_CODE, `invalid JSON-RPC: ${message}`));
    if (this.invalidLinesInARow >= this.options.maxInvalidLines) {
      this.close('too-many-invalid-lines', `${this.invalidLinesInARow} invalid lines in a row`);
    }
  }
}
