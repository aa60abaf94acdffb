import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { type ConnectionOptions } from '../connection/connection-options';
import { JsonRpcConnection } from '../connection/json-rpc.connection';

export interface ServerOptions extends ConnectionOptions {
  readonly host?: string;
  /** 0 picks a free port (see `port` after `listen`). */
  readonly port: number;
  readonly maxConnections?: number;
}

/** Accepts sockets as JsonRpcConnections, tracks them and closes them all on `close`. */
export class JsonRpcServer {
  private readonly server: Server;
  private readonly connections = new Set<JsonRpcConnection>();

  constructor(
    private readonly options: ServerOptions,
    onConnection: (connection: JsonRpcConnection) => void,
  ) {
    this.server = createServer((socket) => {
      const connection = new JsonRpcConnection(socket, options);
      this.connections.add(connection);
      connection.on('close', () => this.connections.delete(connection));
      onConnection(connection);
    });
    if (options.maxConnections !== undefined) this.server.maxConnections = options.maxConnections;
  }

  async listen(): Promise<number> {
    this.server.listen(this.options.port, this.options.host ?? '0.0.0.0');
    await Promise.race([
      once(this.server, 'listening'),
      once(this.server, 'error').then(([error]) => Promise.reject(error as Error)),
    ]);
    return this.port;
  }

  get port(): number {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('server is not listening');
    return address.port;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const connection of this.connections) connection.socket.destroy();
    await closed;
  }
}
