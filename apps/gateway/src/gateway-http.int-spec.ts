import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { startGateway } from './testing/gateway-test-bench';

jest.setTimeout(60_000);

describe('the gateway HTTP surface', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startGateway();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('sends security headers on API responses and errors', async () => {
    for (const response of [await http().get('/v1/me'), await http().get('/health/live')]) {
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'strict-transport-security': expect.stringContaining('max-age='),
        'content-security-policy': expect.stringContaining("default-src 'self'"),
        'cross-origin-opener-policy': 'same-origin',
      });
      expect(response.headers).not.toHaveProperty('x-powered-by');
    }
  });

  it("serves the docs UI under a CSP that allows its own scripts and doesn't force https", async () => {
    const page = await http().get('/docs').redirects(1).expect(200);
    expect(page.text).toContain('swagger-ui');
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    await http().get('/docs/swagger-ui-init.js').expect(200);
  });

  it('documents every endpoint, with the schemas that reject unknown fields', async () => {
    const document = (await http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { schemas: Record<string, { additionalProperties?: unknown }>; securitySchemes: object };
    };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'POST /v1/auth/register',
        'POST /v1/auth/login',
        'POST /v1/auth/refresh',
        'POST /v1/auth/logout',
        'GET /v1/me',
        'POST /v1/api-keys',
        'GET /v1/api-keys',
        'DELETE /v1/api-keys/{id}',
        'GET /v1/admin/accounts',
        'POST /v1/capacity-checks',
        'GET /v1/capacity-checks',
        'GET /v1/capacity-checks/{checkId}',
        'POST /v1/rentals',
        'GET /v1/rentals',
        'GET /v1/rentals/{rentalId}',
        'POST /v1/rentals/{rentalId}/cancel',
        'GET /v1/rentals/{rentalId}/delivery',
        'GET /v1/rentals/{rentalId}/delivery/windows',
        'POST /v1/rentals/{rentalId}/dispute',
        'POST /v1/rentals/{rentalId}/resolve-dispute',
        'POST /v1/rentals/{rentalId}/terminate',
        'GET /v1/rentals/{rentalId}/transitions',
        'POST /v1/listings',
        'GET /v1/listings',
        'GET /v1/listings/{listingId}',
        'PATCH /v1/listings/{listingId}',
        'POST /v1/listings/{listingId}/publish',
        'POST /v1/listings/{listingId}/pause',
        'POST /v1/listings/{listingId}/resume',
        'POST /v1/listings/{listingId}/retire',
        'GET /v1/provider/listings',
        'PUT /v1/provider/payout-account',
        'GET /v1/provider/payout-account',
        'GET /v1/provider/rentals',
        'POST /v1/pool-checks',
        'POST /v1/webhooks/stripe',
      ].sort(),
    );
    expect(document.components.securitySchemes).toHaveProperty('bearer');
    expect(document.components.securitySchemes).toHaveProperty('api-key');
    expect(document.paths['/v1/admin/accounts']?.get?.security).toEqual(
      expect.arrayContaining([{ bearer: [] }, { 'api-key': [] }]),
    );
    expect(document.components.schemas.RegisterDto?.additionalProperties).toBe(false);
    const loginErrors = (document.paths['/v1/auth/login']?.post as { responses: Record<string, { content?: object }> })
      .responses;
    for (const status of ['400', '401', '429']) {
      expect(loginErrors[status]?.content).toHaveProperty(['application/problem+json']);
    }
  });

  it('answers an unknown route and a malformed body as problem+json', async () => {
    const missing = await http().get('/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body).toMatchObject({ status: 404, instance: '/v1/nothing-here', errorId: expect.any(String) });

    const malformed = await http().post('/v1/auth/login').set('content-type', 'application/json').send('{"email":');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
