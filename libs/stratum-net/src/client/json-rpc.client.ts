import { EventEmitter, once } from 'node:events';
import { connect } from 'node:net';
import { type JsonRpcId } from '@hashproof/stratum';
import { type CloseReason } from '../connection/close-reason';
import { type ConnectionOptions } from '../connection/connection-options';
import { JsonRpcConnection } from '../connection/json-rpc.connection';
import { type StratumEndpoint } from '../url/stratum-url';
import { type JsonRpcResponse } from './json-rpc-response';
import { ConnectionClosedError, RequestTimeoutError } from './request-timeout.error';

export interface ClientOptions extends ConnectionOptions {
  readonly connectTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
}

export interface JsonRpcClientEvents {
  /** A call from the server: a notification (id null) or a request the caller should answer. */
  call: [method: string, params: unknown, id: JsonRpcId];
  close: [reason: CloseReason, detail: string];
}

interface Pending {
  readonly resolve: (response: JsonRpcResponse) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** The miner's side: requests matched to responses by id (with a timeout), server calls as events. */
export class JsonRpcClient extends EventEmitter<JsonRpcClientEvents> {
  private nextId = 1;
  private readonly pending = new Map<string, Pending>();
  private readonly requestTimeoutMs: number;

  private constructor(
    readonly connection: JsonRpcConnection,
    options: ClientOptions,
  ) {
    super();
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    connection.on('frame', (frame) => {
      if (frame.type === 'response') this.settle(frame);
      else this.emit('call', frame.method, frame.params, frame.id);
    });
    connection.on('close', (reason, detail) => {
      this.failAll(new ConnectionClosedError(detail));
      this.emit('close', reason, detail);
    });
  }

  static async connect(endpoint: StratumEndpoint, options: ClientOptions = {}): Promise<JsonRpcClient> {
    const socket = connect({ host: endpoint.host, port: endpoint.port });
    const timeoutMs = options.connectTimeoutMs ?? 10_000;
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      await once(socket, 'connect', { signal: timeout });
    } catch (error) {
      socket.destroy();
      throw timeout.aborted ? new Error(`connect to ${endpoint.host}:${endpoint.port} timed out`) : error;
    }
    return new JsonRpcClient(new JsonRpcConnection(socket, options), options);
  }

  get isOpen(): boolean {
    return this.connection.isOpen;
  }

  async request(
    method: string,
    params: readonly unknown[],
    timeoutMs = this.requestTimeoutMs,
  ): Promise<JsonRpcResponse> {
    if (!this.connection.isOpen) throw new ConnectionClosedError('before the request');
    const id = this.nextId++;
    const response = new Promise<JsonRpcResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(String(id));
        reject(new RequestTimeoutError(method, timeoutMs));
      }, timeoutMs);
      this.pending.set(String(id), { resolve, reject, timer });
    });
    this.connection.send({ id, method, params });
    return response;
  }

  notify(method: string, params: readonly unknown[]): void {
    this.connection.notify(method, params);
  }

  respond(id: JsonRpcId, result: unknown): void {
    this.connection.respond(id, result);
  }

  close(): void {
    this.connection.close();
  }

  /** Drops the connection at once, as a pulled cable or a crash would. */
  destroy(): void {
    this.connection.socket.destroy();
  }

  private settle(response: JsonRpcResponse): void {
    const pending = this.pending.get(String(response.id));
    if (!pending) return;
    this.pending.delete(String(response.id));
    clearTimeout(pending.timer);
    pending.resolve(response);
  }

  private failAll(error: Error): void {
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(error);
    }
    this.pending.clear();
  }
}
