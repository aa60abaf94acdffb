import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Helmet's defaults on every response. Its default CSP already suits swagger-ui at /docs, because
 * @nestjs/swagger serves the UI's scripts as files ('self') and helmet allows inline styles; only the
 * upgrade to https is dropped, which would break /docs on a plain-http local run.
 */
export async function useSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null, frameAncestors: ["'none'"] } },
  });
}
