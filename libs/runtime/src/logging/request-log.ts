import type { Options } from 'pino-http';
import type { SerializedRequest, SerializedResponse } from 'pino';

/**
 * The request logger's settings: JSON lines with the service name and the correlation id, a line per answered
 * request except probes and scrapes. A line says what was asked, by whom, and how it ended; headers stay out (the
 * correlation id has its own field). They were most of each line, ~1 KB with the security headers of every
 * answer, and serialising and redacting them most of the logging's cost per request. Naming the fields kept,
 * rather than redacting some, also keeps out any new header that carries a secret.
 */
export function requestLogOptions(service: string, level: string): Options {
  return {
    level,
    base: { service },
    messageKey: 'msg',
    customProps: (request) => ({ correlationId: request.id }),
    serializers: {
      req: (request: SerializedRequest) => ({
        method: request.method,
        url: request.url,
        remoteAddress: request.remoteAddress,
        userAgent: request.headers['user-agent'],
      }),
      res: (response: SerializedResponse) => ({ statusCode: response.statusCode }),
    },
    autoLogging: { ignore: (request) => /^\/(health|metrics)/.test(request.url ?? '') },
  };
}
