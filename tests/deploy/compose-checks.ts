/** Rules for docker/docker-compose.yml, parsed into the subset of the Compose format it uses. */
import { type ServiceName } from '@hashproof/config';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { configuredValue, envContractProblems, type EnvSetting } from './env-contract';
import { effectiveSetting, SERVICES, settingNames, topicProvisioningSettingNames } from './service-settings';

const composeServiceSchema = z.looseObject({
  image: z.string().optional(),
  build: z.object({ context: z.string(), dockerfile: z.string() }).optional(),
  command: z.array(z.string()).optional(),
  // Map form only: the list form (KEY=value) would need its own parsing here.
  environment: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String)).default({}),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).default({}),
  ports: z
    .array(
      z.union([
        z.string(),
        z.object({ target: z.number(), published: z.union([z.string(), z.number()]), host_ip: z.string().optional() }),
      ]),
    )
    .default([]),
  healthcheck: z.looseObject({ test: z.array(z.string()).optional(), disable: z.boolean().optional() }).optional(),
  volumes: z.array(z.string()).default([]),
  stop_grace_period: z.string().optional(),
});

export const composeFileSchema = z.looseObject({ services: z.record(z.string(), composeServiceSchema) });

export type ComposeFile = z.infer<typeof composeFileSchema>;
type ComposeService = z.infer<typeof composeServiceSchema>;

/** Settings whose port may be published on every interface: rigs on the network must reach Stratum. */
const PUBLIC_PORT_SETTINGS = ['STRATUM_PORT'];
const SHUTDOWN_MARGIN_SECONDS = 2;
const LOOPBACK = '127.0.0.1';
const OUR_IMAGES = 'hashproof/';

function migrateServiceName(service: ServiceName): string {
  return `${service}-migrate`;
}

export function composeProblems(compose: ComposeFile, composeDirectory: string): string[] {
  return [
    ...SERVICES.flatMap((service) => appServiceProblems(compose, service).map((problem) => `${service}: ${problem}`)),
    ...Object.entries(compose.services).flatMap(([name, definition]) =>
      [
        ...portProblems(compose, name, definition),
        ...dependencyProblems(compose, definition),
        ...volumeProblems(definition, composeDirectory),
      ].map((problem) => `${name}: ${problem}`),
    ),
  ];
}

function appServiceProblems(compose: ComposeFile, service: ServiceName): string[] {
  const app = compose.services[service];
  const migrate = compose.services[migrateServiceName(service)];
  if (!app) return ['service missing'];
  const settings = envSettings(app);
  const problems = [...envContractProblems(service, settings, { requireSecretsFromSecretRefs: false })];
  if (app.build?.dockerfile !== `docker/${service}.Dockerfile`) problems.push(`built from ${app.build?.dockerfile}`);
  problems.push(...dependsOn(app, migrateServiceName(service), 'service_completed_successfully'));
  problems.push(...dependsOn(app, 'kafka-init', 'service_completed_successfully'));
  const httpPort = String(effectiveSetting(service, 'HTTP_PORT', configuredValue(settings, 'HTTP_PORT')));
  const probe = app.healthcheck?.test?.join(' ') ?? '';
  if (!probe.includes(`:${httpPort}/health`)) {
    problems.push(`healthcheck does not GET /health on HTTP_PORT ${httpPort}`);
  }
  const shutdownSeconds =
    Number(effectiveSetting(service, 'SHUTDOWN_TIMEOUT_MS', configuredValue(settings, 'SHUTDOWN_TIMEOUT_MS'))) / 1000;
  if (durationSeconds(app.stop_grace_period ?? '10s') < shutdownSeconds + SHUTDOWN_MARGIN_SECONDS) {
    problems.push(
      `stop_grace_period ${app.stop_grace_period ?? 'default 10s'} is shorter than SHUTDOWN_TIMEOUT_MS + margin`,
    );
  }
  if (!migrate) return [...problems, `${migrateServiceName(service)} missing`];
  if (!migrate.command?.join(' ').includes(`dist/apps/${service}/src/migrate.js`)) {
    problems.push('migrate service does not run migrate.js');
  }
  if (migrate.image !== app.image) problems.push(`migrate image ${migrate.image} differs from ${app.image}`);
  problems.push(
    ...envContractProblems(service, envSettings(migrate), { requireSecretsFromSecretRefs: false }).map(
      (problem) => `migrate: ${problem}`,
    ),
  );
  return problems;
}

/** Topic provisioning gets only settings it reads, the brokers among them. */
export function topicInitProblems(compose: ComposeFile, command: string): string[] {
  const init = compose.services['kafka-init'];
  if (!init) return ['kafka-init missing'];
  const accepted = new Set(topicProvisioningSettingNames());
  const settings = envSettings(init);
  const problems = settings
    .filter((setting) => !accepted.has(setting.name))
    .map((setting) => `${setting.name} is not a topic provisioning setting`);
  if (!settings.some((setting) => setting.name === 'KAFKA_BROKERS')) problems.push('KAFKA_BROKERS not set');
  if (!init.command?.join(' ').includes(command)) problems.push(`does not run ${command}`);
  return problems;
}

function envSettings(definition: ComposeService): EnvSetting[] {
  return Object.entries(definition.environment).map(([name, value]) => ({
    name,
    value,
    source: 'literal',
    origin: 'environment',
  }));
}

function dependsOn(definition: ComposeService, target: string, condition: string): string[] {
  const actual = definition.depends_on[target]?.condition;
  return actual === condition ? [] : [`depends_on ${target} must be ${condition}, is ${actual ?? 'absent'}`];
}

/**
 * Every host our containers' settings point at must be a compose service they wait for until healthy.
 * (Third-party images are skipped: Kafka's listener settings name the broker itself.)
 */
function dependencyProblems(compose: ComposeFile, definition: ComposeService): string[] {
  const problems: string[] = [];
  const hosts = definition.image?.startsWith(OUR_IMAGES) ? Object.values(definition.environment).flatMap(hostsIn) : [];
  for (const host of new Set(hosts)) {
    if (!compose.services[host]) problems.push(`settings point at ${host}, which is not a compose service`);
    else problems.push(...dependsOn(definition, host, 'service_healthy'));
  }
  for (const [target, { condition }] of Object.entries(definition.depends_on)) {
    const healthcheck = compose.services[target]?.healthcheck;
    if (condition === 'service_healthy' && (!healthcheck?.test || healthcheck.disable)) {
      problems.push(`waits for ${target} to be healthy, but ${target} has no healthcheck`);
    }
  }
  return problems;
}

/** Hosts in a URL (postgres://user@postgres:5432/db) or a host:port list (kafka:9092,other:9092). */
function hostsIn(value: string): string[] {
  if (/^[\w.-]+:\d+(,[\w.-]+:\d+)*$/.test(value)) return value.split(',').map((broker) => broker.split(':')[0] ?? '');
  const hostname = URL.canParse(value) ? new URL(value).hostname : '';
  return hostname ? [hostname] : [];
}

function portProblems(compose: ComposeFile, name: string, definition: ComposeService): string[] {
  const publicPorts = publicContainerPorts(compose, name);
  return definition.ports
    .map(parsePort)
    .flatMap(({ hostIp, containerPort }) =>
      hostIp === LOOPBACK || publicPorts.includes(containerPort)
        ? []
        : [`port ${containerPort} published on ${hostIp || 'all interfaces'}`],
    );
}

function publicContainerPorts(compose: ComposeFile, name: string): number[] {
  const service = SERVICES.find((candidate) => candidate === name);
  const definition = compose.services[name];
  if (!service || !definition) return [];
  const settings = envSettings(definition);
  return PUBLIC_PORT_SETTINGS.filter((setting) => settingNames(service).includes(setting)).map((setting) =>
    Number(effectiveSetting(service, setting, configuredValue(settings, setting))),
  );
}

/** Short syntax `[host_ip:]published:target[/protocol]` or the long syntax object. */
function parsePort(port: ComposeService['ports'][number]): { hostIp: string; containerPort: number } {
  if (typeof port !== 'string') return { hostIp: port.host_ip ?? '', containerPort: port.target };
  const parts = port.split('/')[0]?.split(':') ?? [];
  return { hostIp: parts.length === 3 ? (parts[0] ?? '') : '', containerPort: Number(parts.at(-1)) };
}

function volumeProblems(definition: ComposeService, composeDirectory: string): string[] {
  return definition.volumes
    .map((volume) => volume.split(':')[0] ?? '')
    .filter((source) => source.startsWith('.') && !existsSync(resolve(composeDirectory, source)))
    .map((source) => `bind-mounted ${source} does not exist`);
}

/** Compose durations such as 20s, 1m30s, 500ms. */
export function durationSeconds(duration: string): number {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  const parts = [...duration.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0) throw new Error(`unreadable duration ${duration}`);
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * (units[unit ?? ''] ?? Number.NaN), 0);
}
