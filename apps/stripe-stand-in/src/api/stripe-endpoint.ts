import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { type EventCause } from '../state/event-sink';
import { type IdempotencyCache } from '../state/idempotency-cache';
import { idempotencyEndpointMismatch, idempotencyParamsMismatch, invalidParam, StripeApiError } from '../stripe-error';
import { apiKeyOf } from './authentication';
import { emptyObject, type FormObject, parseForm } from './form-encoding';
import { Params } from './params';

/**
 * One endpoint of Stripe's v1 API. `validate` reads the parameters; `execute` acts. The split is Stripe's
 * idempotency rule: a result is saved under the key only once the endpoint has begun executing, so a request
 * refused by validation can be sent again with the same key and corrected parameters.
 */
export interface StripeEndpoint<Input> {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  validate(params: Params, path: Readonly<Record<string, string>>): Input;
  /** Runs synchronously, so two requests with one key can never interleave. Throws StripeApiError to answer one. */
  execute(input: Input, cause: EventCause): object;
}

export interface EndpointDependencies {
  readonly idempotency: IdempotencyCache;
  /** undefined: any test-mode secret key is accepted. */
  readonly acceptedKeys: ReadonlySet<string> | undefined;
}

const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export function registerEndpoint<Input>(
  app: FastifyInstance,
  endpoint: StripeEndpoint<Input>,
  dependencies: EndpointDependencies,
): void {
  app.route({
    method: endpoint.method,
    url: endpoint.url,
    handler: async (request, reply) => handle(endpoint, dependencies, request, reply),
  });
}

function handle<Input>(
  endpoint: StripeEndpoint<Input>,
  dependencies: EndpointDependencies,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const apiKey = apiKeyOf(request.headers.authorization, dependencies.acceptedKeys);
  if (request.headers['stripe-account'] !== undefined) {
    throw invalidParam('Stripe-Account', 'The Stripe stand-in does not make requests on behalf of connected accounts.');
  }
  if (endpoint.method === 'POST' && queryOf(request.url) !== '') {
    // The SDK sends POST parameters in the body; reading a query string too would mean merging two sources.
    throw invalidParam('query', 'The Stripe stand-in takes the parameters of a POST in the form-encoded body only.');
  }
  const raw = endpoint.method === 'POST' ? bodyOf(request) : parseForm(queryOf(request.url));
  const path = request.params as Readonly<Record<string, string>>;
  const endpointPath = request.url.split('?')[0] ?? request.url;
  const idempotencyKey = endpoint.method === 'POST' ? headerValue(request.headers['idempotency-key']) : null;

  if (idempotencyKey !== null) {
    if (idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw invalidParam(
        'Idempotency-Key',
        `Idempotency keys can be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters long.`,
      );
    }
    void reply.header('idempotency-key', idempotencyKey);
    const found = dependencies.idempotency.lookup(apiKey, idempotencyKey, endpointPath, raw);
    if (found.kind === 'endpoint-differs') {
      throw idempotencyEndpointMismatch(idempotencyKey, endpointPath, found.firstEndpoint);
    }
    if (found.kind === 'parameters-differ') throw idempotencyParamsMismatch(idempotencyKey);
    if (found.kind === 'replay') {
      void reply.header('idempotent-replayed', 'true').header('original-request', found.response.requestId);
      return sendJson(reply, found.response.statusCode, found.response.json);
    }
  }

  const params = new Params(raw);
  const input = endpoint.validate(params, path);
  params.rejectUnread();

  let statusCode = 200;
  let body: unknown;
  try {
    body = endpoint.execute(input, { requestId: request.id, idempotencyKey });
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    statusCode = error.statusCode;
    body = error.toResponse();
  }
  const json = toJson(body);
  if (idempotencyKey !== null) {
    dependencies.idempotency.save(apiKey, idempotencyKey, endpointPath, raw, {
      statusCode,
      json,
      requestId: request.id,
    });
  }
  return sendJson(reply, statusCode, json);
}

/** Stripe answers pretty-printed JSON. */
export function toJson(body: unknown): string {
  return JSON.stringify(body, null, 2);
}

export function sendJson(reply: FastifyReply, statusCode: number, json: string): FastifyReply {
  return reply.code(statusCode).header('content-type', 'application/json; charset=utf-8').send(json);
}

export function bodyOf(request: FastifyRequest): FormObject {
  const body = request.body;
  return body !== null && typeof body === 'object' ? (body as FormObject) : emptyObject();
}

export function queryOf(url: string): string {
  const start = url.indexOf('?');
  return start === -1 ? '' : url.slice(start + 1);
}

function headerValue(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === '' ? null : text;
}
