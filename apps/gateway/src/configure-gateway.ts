import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { serveOpenApi } from './openapi';
import { useSecurityHeaders } from './security-headers';

/** What the gateway adds to the standard service boot; tests apply the same to their in-process app. */
export async function configureGateway(app: NestFastifyApplication): Promise<void> {
  await useSecurityHeaders(app);
  serveOpenApi(app);
}
