import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dockerfileProblems, parseDockerfile } from './dockerfile-checks';
import { SERVICES } from './service-settings';

const ROOT = resolve(__dirname, '../..');
const dockerfile = (service: string) => readFileSync(resolve(ROOT, `docker/${service}.Dockerfile`), 'utf8');

describe('service Dockerfiles', () => {
  it.each(SERVICES)('%s builds a non-root, health-checked runtime image of its own main.js', (service) => {
    expect(dockerfileProblems(service, dockerfile(service))).toEqual([]);
  });

  it('share one pattern, differing only in the service name and its ports', () => {
    const normalised = SERVICES.map((service) =>
      dockerfile(service)
        .replaceAll(service, '<service>')
        .replace(/^EXPOSE .*$/m, 'EXPOSE <ports>')
        .replace(/process\.env\.HTTP_PORT \|\| \d+/, 'process.env.HTTP_PORT || <port>'),
    );
    expect(new Set(normalised).size).toBe(1);
  });

  it('keep local state, secrets and build output out of the build context', () => {
    const ignored = readFileSync(resolve(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(
      expect.arrayContaining(['node_modules', 'dist', '.local', '.git', 'coverage', 'tmp', '.env']),
    );
  });
});

describe('the Dockerfile checks reject', () => {
  const gateway = dockerfile('gateway');

  it('a runtime stage running as root', () => {
    expect(dockerfileProblems('gateway', gateway.replace(/^USER node$/m, 'USER root'))).toEqual([
      'final stage runs as root',
    ]);
  });

  it('another service’s entry point, a missing health check and a copied source tree', () => {
    const broken = gateway
      .replace('dist/apps/gateway/src/main.js', 'dist/apps/payouts/src/main.js')
      .replace(/^HEALTHCHECK .*\\\n.*$/m, '')
      .replace(/^USER node$/m, 'COPY . .\nUSER node');
    expect(dockerfileProblems('gateway', broken)).toEqual([
      expect.stringMatching(/^CMD is/),
      'no HEALTHCHECK on /health/live',
      'final stage copies COPY . .',
    ]);
  });

  it('a single-stage build', () => {
    expect(
      dockerfileProblems('gateway', 'FROM node:20-bookworm-slim\nCMD ["node", "dist/apps/gateway/src/main.js"]\n'),
    ).toEqual(['not a multi-stage build']);
  });
});

describe('parseDockerfile', () => {
  it('joins continuation lines, skips comments and names stages', () => {
    const stages = parseDockerfile('# c\nFROM a AS one\nRUN x \\\n  # inner comment\n  && y\nFROM one\nUSER node\n');
    expect(stages).toEqual([
      { from: 'a', name: 'one', instructions: [{ keyword: 'RUN', args: 'x && y' }] },
      { from: 'one', name: undefined, instructions: [{ keyword: 'USER', args: 'node' }] },
    ]);
  });
});
