import { type CloseReason } from '../connection/close-reason';
import { type ConnectionOptions } from '../connection/connection-options';
import { JsonRpcServer } from '../server/json-rpc.server';

/** Answers every request with its own params and records why connections closed. */
export async function startEchoServer(options: ConnectionOptions = {}) {
  const closeReasons: CloseReason[] = [];
  const server = new JsonRpcServer({ ...options, host: '127.0.0.1', port: 0 }, (connection) => {
    connection.on('frame', (frame) => {
      if (frame.type === 'call' && frame.id !== null) connection.respond(frame.id, frame.params);
      if (frame.type === 'call' && frame.method === 'push') connection.notify('pushed', [frame.params]);
    });
    connection.on('close', (reason) => closeReasons.push(reason));
  });
  const port = await server.listen();
  return { server, port, closeReasons };
}
