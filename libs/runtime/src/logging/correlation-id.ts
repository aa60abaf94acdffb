import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export const correlationHeader = 'x-correlation-id';

/** A caller's correlation id is kept when it is a plausible id; otherwise each request gets a fresh one. */
export function correlationIdOf(request: { headers: NodeJS.Dict<string | string[]> }): string {
  const given = request.headers[correlationHeader] ?? request.headers['x-request-id'];
  const candidate = Array.isArray(given) ? given[0] : given;
  return candidate && /^[\w.:-]{1,128}$/.test(candidate) ? candidate : randomUUID();
}

/** Echoes the id to the caller so a support request can quote it. */
export function echoCorrelationId(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header(correlationHeader, request.id);
  });
}
