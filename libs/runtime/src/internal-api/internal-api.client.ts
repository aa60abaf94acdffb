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

/**
 * Synchronous calls from one hashproof service to another's `/internal/v1/...` routes, authenticated with
 * the shared INTERNAL_API_TOKEN. Uses Node's fetch, whose undici pool keeps connections to each service
 * alive between calls. No answer (refused, reset, timed out) is an InternalServiceUnavailableError; any
 * answer, an error status included, is returned for the caller to interpret.
 */
export class InternalApiClient {
  readonly service: string;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(
    baseUrl: string,
    private readonly token: string,
    options: InternalApiClientOptions,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.service = options.service ?? new URL(baseUrl).host;
    this.timeoutMs = options.timeoutMs;
  }

  async request<T>({ method, path, principal, body, query, ...extra }: InternalRequest): Promise<InternalResponse<T>> {
    if (!path.startsWith('/')) throw new RangeError(`an internal path starts with /, got "${path}"`);
    const headers: Record<string, string> = {
      ...extra.headers,
      authorization: `Bearer ${this.token}`,
      accept: 'application/json, application/problem+json',
    };
    if (principal) headers[INTERNAL_PRINCIPAL_HEADER] = encodeActingPrincipal(principal);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await fetch(`${this.baseUrl}${path}${queryString(query)}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal,
      });
      return { status: response.status, body: parseBody(await response.text(), response.headers) as T };
    } catch (error) {
      throw this.unavailable(error, signal);
    }
  }

  private unavailable(error: unknown, signal: AbortSignal): InternalServiceUnavailableError {
    if (signal.aborted) {
      return new InternalServiceUnavailableError(this.service, `no answer within ${this.timeoutMs} ms`, {
        cause: error,
      });
    }
    return new InternalServiceUnavailableError(this.service, describe(error), { cause: error });
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

function parseBody(text: string, headers: Headers): unknown {
  if (text === '') return undefined;
  if (!/[/+]json\b/.test(headers.get('content-type') ?? '')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SyntaxError(`unparseable JSON answer: ${(error as Error).message}`);
  }
}

/**
 * fetch reports a refused or reset connection as "fetch failed", with the socket error as its cause.
 * Duck-typed: those errors may come from another realm (as under jest), where instanceof Error fails.
 */
function describe(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const reason = cause?.code ?? cause?.message;
  const text = typeof message === 'string' ? message : String(error);
  return typeof reason === 'string' ? `${text}: ${reason}` : text;
}
