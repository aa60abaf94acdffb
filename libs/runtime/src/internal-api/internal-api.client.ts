import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { type ActingPrincipal, encodeActingPrincipal, INTERNAL_PRINCIPAL_HEADER } from './acting-principal';
import { InternalServiceUnavailableError } from './internal-service-unavailable.error';

export interface InternalRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** From the service's root, e.g. `/internal/v1/pool-checks`. */
  readonly path: string;
  /** The gateway's authenticated caller, for the owning service's ownership rules. */
  readonly principal?: ActingPrincipal;
  /** Sent as JSON. */
  readonly body?: unknown;
  /**
   * Query parameters, e.g. a validated query DTO passed on: each value as a string (a Date in ISO form, an
   * array as the name repeated); undefined and null ones are left out.
   */
  readonly query?: object;
  /** Further headers passed on, e.g. a client's Idempotency-Key; never overriding the ones set here. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Whatever the service answered, 2xx or not: JSON bodies parsed, an empty one undefined. */
export interface InternalResponse<T> {
  readonly status: number;
  readonly body: T;
}

export interface InternalApiClientOptions {
  /** The longest a call may take, answer included. */
  readonly timeoutMs: number;
  /** Names the service in errors; the base URL's host when not given. */
  readonly service?: string;
}

/** What came back, before the body is interpreted. */
interface RawAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

/** Kept shorter than the services' own keep-alive (Fastify's 72 s), so an idle connection is closed by us. */
const IDLE_CONNECTION_MS = 30_000;

/**
 * Synchronous calls from one hashproof service to another's `/internal/v1/...` routes, authenticated with
 * the shared INTERNAL_API_TOKEN, over connections kept alive between calls (an agent per client). node:http
 * rather than fetch: on a proxied read it costs the gateway less than half the CPU of fetch's WHATWG streams.
 * No answer (refused, reset, timed out) is an InternalServiceUnavailableError; any answer, an error status
 * included, is returned for the caller to interpret.
 */
export class InternalApiClient {
  readonly service: string;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly send: typeof httpRequest;
  private readonly agent: HttpAgent;

  constructor(
    baseUrl: string,
    private readonly token: string,
    options: InternalApiClientOptions,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    const { host, protocol } = new URL(baseUrl);
    this.service = options.service ?? host;
    this.timeoutMs = options.timeoutMs;
    const agentOptions = { keepAlive: true, timeout: IDLE_CONNECTION_MS };
    [this.send, this.agent] =
      protocol === 'https:' ? [httpsRequest, new HttpsAgent(agentOptions)] : [httpRequest, new HttpAgent(agentOptions)];
  }

  async request<T>({ method, path, principal, body, query, ...extra }: InternalRequest): Promise<InternalResponse<T>> {
    if (!path.startsWith('/')) throw new RangeError(`an internal path starts with /, got "${path}"`);
    const headers: Record<string, string> = {
      ...extra.headers,
      authorization: `Bearer ${this.token}`,
      accept: 'application/json, application/problem+json',
    };
    if (principal) headers[INTERNAL_PRINCIPAL_HEADER] = encodeActingPrincipal(principal);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    const answer = await this.exchange(method, `${this.baseUrl}${path}${queryString(query)}`, headers, payload);
    try {
      return { status: answer.status, body: parseBody(answer.text, answer.contentType) as T };
    } catch (error) {
      throw new InternalServiceUnavailableError(this.service, (error as Error).message, { cause: error });
    }
  }

  /** One request and its whole answer within the timeout; settles once, whichever comes first. */
  private exchange(method: string, url: string, headers: Record<string, string>, payload?: string) {
    return new Promise<RawAnswer>((resolve, reject) => {
      const request = this.send(url, { method, headers, agent: this.agent });
      let settled = false;
      const settle = () => {
        const first = !settled;
        settled = true;
        clearTimeout(timer);
        return first;
      };
      const fail = (reason: string, cause?: unknown) => {
        if (!settle()) return;
        reject(new InternalServiceUnavailableError(this.service, reason, { cause }));
        request.destroy();
      };
      const timer = setTimeout(() => fail(`no answer within ${this.timeoutMs} ms`), this.timeoutMs);
      request.on('error', (error) => fail(describe(error), error));
      request.on('response', (response) => {
        response.setEncoding('utf8');
        let text = '';
        response.on('data', (chunk: string) => (text += chunk));
        response.on('error', (error) => fail(describe(error), error));
        response.on('close', () => {
          if (!response.complete) fail('the answer was cut off');
        });
        response.on('end', () => {
          if (!settle()) return;
          resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'] ?? '', text });
        });
      });
      request.end(payload);
    });
  }
}

function queryString(query: object | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {}) as [string, unknown][]) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (item !== undefined && item !== null) params.append(name, queryValue(item));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function queryValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

function parseBody(text: string, contentType: string): unknown {
  if (text === '') return undefined;
  if (!/[/+]json\b/.test(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SyntaxError(`unparseable JSON answer: ${(error as Error).message}`);
  }
}

/** A socket error as its code (ECONNREFUSED, ECONNRESET) beside its message. */
function describe(error: Error & { code?: unknown }): string {
  return typeof error.code === 'string' && !error.message.includes(error.code)
    ? `${error.message}: ${error.code}`
    : error.message;
}
