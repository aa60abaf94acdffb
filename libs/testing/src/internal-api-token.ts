/**
 * The INTERNAL_API_TOKEN of services started by tests, in-process or as processes, so that a gateway under
 * test and the services it calls agree. Never a real deployment's token.
 */
export const testInternalApiToken = 'test-only-internal-api-token-0123456789abcdef';
