import { randomUUID } from 'node:crypto';

export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
}

export interface CallOptions {
  /** An access token, sent as `Authorization: Bearer …`. */
  readonly token?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface Account {
  readonly id: string;
  readonly email: string;
  readonly accessToken: string;
}

export const journeyPassword = 'correct horse battery staple';

/** The gateway's public API as a client reaches it: JSON over HTTP, nothing in-process. */
export class PublicApiClient {
  constructor(readonly baseUrl: string) {}

  async call<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T };
  }

  /** Calls and insists on `status`; a different answer fails with the problem the gateway gave. */
  async expect<T = unknown>(status: number, method: string, path: string, options: CallOptions = {}): Promise<T> {
    const response = await this.call<T>(method, path, options);
    if (response.status !== status) {
      throw new Error(`${method} ${path} answered ${response.status}, not ${status}: ${JSON.stringify(response.body)}`);
    }
    return response.body;
  }

  /** Registers with `role` under a fresh address and logs in, as a new customer would. */
  async signUp(role: 'renter' | 'provider', label: string): Promise<Account> {
    const email = `${label}-${randomUUID().slice(0, 12)}@example.test`;
    const { id } = await this.expect<{ id: string }>(201, 'POST', '/v1/auth/register', {
      body: { email, password: journeyPassword, role },
    });
    const { accessToken } = await this.expect<{ accessToken: string }>(200, 'POST', '/v1/auth/login', {
      body: { email, password: journeyPassword },
    });
    return { id, email, accessToken };
  }
}
