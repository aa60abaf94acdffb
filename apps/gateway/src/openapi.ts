import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';

/** The public API's OpenAPI document: UI at /docs, JSON at /docs-json. */
export function serveOpenApi(app: INestApplication): void {
  const document = new DocumentBuilder()
    .setTitle('hashproof API')
    .setDescription(
      'Hash-rate rentals paid only for work that shows up as valid shares. Errors are application/problem+json ' +
        '(RFC 9457) with an `errorId`; unknown fields are rejected.',
    )
    .setVersion('1')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'api-key')
    .build();
  SwaggerModule.setup('docs', app, cleanupOpenApiDoc(SwaggerModule.createDocument(app, document)), {
    jsonDocumentUrl: 'docs-json',
  });
}
