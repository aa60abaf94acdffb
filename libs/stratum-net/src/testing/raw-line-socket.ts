import { once } from 'node:events';
import { connect, type Socket } from 'node:net';

/** A bare socket that collects what the server sends, for poking at the framing from outside. */
export class RawLineSocket {
  readonly received: string[] = [];
  private buffered = '';

  private constructor(readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => {
      const parts = (this.buffered + text).split('\n');
      this.buffered = parts.pop() ?? '';
      this.received.push(...parts);
    });
    socket.on('error', () => undefined);
  }

  static async open(port: number): Promise<RawLineSocket> {
    const socket = connect({ host: '127.0.0.1', port });
    await once(socket, 'connect');
    return new RawLineSocket(socket);
  }

  write(text: string): void {
    this.socket.write(text);
  }

  async closed(): Promise<void> {
    if (this.socket.destroyed || this.socket.readableEnded) return;
    await once(this.socket, 'close');
  }

  destroy(): void {
    this.socket.destroy();
  }
}
