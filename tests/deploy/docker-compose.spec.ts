import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import {
  type ComposeFile,
  composeFileSchema,
  composeProblems,
  durationSeconds,
  topicInitProblems,
} from './compose-checks';
import { TOPIC_PROVISIONING_ENTRY } from './kubernetes-checks';

const DOCKER = resolve(__dirname, '../../docker');
/** Compose resolves YAML merge keys (<<), which YAML 1.2 parsers only do when asked. */
const readCompose = (): ComposeFile =>
  composeFileSchema.parse(parse(readFileSync(resolve(DOCKER, 'docker-compose.yml'), 'utf8'), { merge: true }));

describe('docker-compose.yml', () => {
  const compose = readCompose();

  it('runs every service after its migration and topic provisioning, with valid settings and loopback-only ports', () => {
    expect(composeProblems(compose, DOCKER)).toEqual([]);
  });

  it('provisions topics once Kafka is healthy', () => {
    expect(topicInitProblems(compose, TOPIC_PROVISIONING_ENTRY)).toEqual([]);
  });

  it('runs a single-node KRaft Kafka that never auto-creates topics', () => {
    expect(compose.services.kafka).toMatchObject({
      image: 'apache/kafka:4.2.2',
      environment: {
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      },
    });
  });

  it('bootstraps PostgreSQL roles and schemas from infra/postgres/bootstrap.sql', () => {
    expect(compose.services.postgres).toMatchObject({
      image: 'postgres:16',
      environment: { POSTGRES_DB: 'hashproof' },
    });
    expect(compose.services.postgres?.volumes).toContain(
      '../infra/postgres/bootstrap.sql:/docker-entrypoint-initdb.d/10-bootstrap.sql:ro',
    );
    expect(compose.services.redis?.image).toMatch(/^redis:7/);
  });

  it.each([
    ['gateway', 'hashproof_gateway'],
    ['contracts', 'hashproof_contracts'],
    ['hashrate-verifier', 'hashproof_verifier'],
    ['payouts', 'hashproof_payouts'],
  ])('connects %s to PostgreSQL as its own role %s', (service, role) => {
    const databaseUrl = compose.services[service]?.environment.DATABASE_URL ?? '';
    expect(new URL(databaseUrl).username).toBe(role);
  });
});

describe('the compose checks reject', () => {
  let compose: ComposeFile;
  beforeEach(() => {
    compose = readCompose();
  });

  it('an app port published on every interface, and Stratum is the only exception', () => {
    compose.services.gateway?.ports.push('3000:3000');
    expect(composeProblems(compose, DOCKER)).toEqual(['gateway: port 3000 published on all interfaces']);
  });

  it('an unknown setting, a missing required one and an invalid value', () => {
    const environment = compose.services.payouts?.environment ?? {};
    environment.REDIS_URI = environment.REDIS_URL ?? '';
    delete environment.REDIS_URL;
    environment.HTTP_PORT = 'eighty';
    expect(composeProblems(compose, DOCKER)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^payouts: REDIS_URI .*not a setting of payouts/),
        expect.stringMatching(/^payouts: REDIS_URL: required/),
        expect.stringMatching(/^payouts: HTTP_PORT .*invalid value/),
      ]),
    );
  });

  it('starting before the migration and without waiting for an infrastructure host', () => {
    const dependencies = compose.services.contracts?.depends_on ?? {};
    delete dependencies['contracts-migrate'];
    delete dependencies.postgres;
    expect(composeProblems(compose, DOCKER)).toEqual([
      'contracts: depends_on contracts-migrate must be service_completed_successfully, is absent',
      'contracts: depends_on postgres must be service_healthy, is absent',
    ]);
  });
});

describe('durationSeconds', () => {
  it.each([
    ['20s', 20],
    ['1m30s', 90],
    ['1h', 3600],
    ['500ms', 0.5],
  ])('reads %s', (duration, seconds) => {
    expect(durationSeconds(duration)).toBe(seconds);
  });
});
