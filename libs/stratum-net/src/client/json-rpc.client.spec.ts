import { once } from 'node:events';
import { JsonRpcServer } from '../server/json-rpc.server';
import { startEchoServer } from '../testing/echo-server';
import { JsonRpcClient } from './json-rpc.client';
import { ConnectionClosedError, RequestTimeoutError } from './request-timeout.error';

describe('JsonRpcClient', () => {
  it('matches concurrent responses to requests by id and surfaces notifications', async () => {
    const { server, port } = await startEchoServer();
    const client = await JsonRpcClient.connect({ host: '127.0.0.1', port });
    try {
      const replies = await Promise.all([client.request('a', [1]), client.request('b', [2]), client.request('c', [3])]);
      expect(replies.map((reply) => reply.result)).toEqual([[1], [2], [3]]);
      const pushed = once(client, 'call');
      void client.request('push', ['hello']);
      expect(await pushed).toEqual(['pushed', [['hello']], null]);
    } finally {
      client.close();
      await server.close();
    }
  });

  it('times a request out when the server never answers', async () => {
    const server = new JsonRpcServer({ host: '127.0.0.1', port: 0 }, () => undefined);
    const client = await JsonRpcClient.connect({ host: '127.0.0.1', port: await server.listen() });
    try {
      await expect(client.request('mining.subscribe', [], 100)).rejects.toThrow(RequestTimeoutError);
    } finally {
      client.close();
      await server.close();
    }
  });

  it('fails pending requests when the connection drops', async () => {
    const server = new JsonRpcServer({ host: '127.0.0.1', port: 0 }, (connection) =>
      connection.on('frame', () => connection.socket.destroy()),
    );
    const client = await JsonRpcClient.connect({ host: '127.0.0.1', port: await server.listen() });
    try {
      await expect(client.request('mining.subscribe', [])).rejects.toThrow(ConnectionClosedError);
    } finally {
      await server.close();
    }
  });

  it('fails to connect to a closed port', async () => {
    const server = new JsonRpcServer({ host: '127.0.0.1', port: 0 }, () => undefined);
    const port = await server.listen();
    await server.close();
    await expect(JsonRpcClient.connect({ host: '127.0.0.1', port })).rejects.toThrow(/ECONNREFUSED/);
  });
});
