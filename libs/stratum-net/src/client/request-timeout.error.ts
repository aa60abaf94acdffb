export class RequestTimeoutError extends Error {
  constructor(method: string, timeoutMs: number) {
    super(`${method}: no response within ${timeoutMs} ms`);
    this.name = 'RequestTimeoutError';
  }
}

export class ConnectionClosedError extends Error {
  constructor(detail: string) {
    super(`connection closed: ${detail}`);
    this.name = 'ConnectionClosedError';
  }
}
