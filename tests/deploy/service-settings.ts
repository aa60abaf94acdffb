/**
 * What each service accepts as configuration, read from the live zod schemas in @hashproof/config so the
 * deploy tests follow new settings without edits here.
 */
import { sensitiveSettings, serviceConfigSchemas, type ServiceName } from '@hashproof/config';
import { type z } from 'zod';

export const SERVICES = Object.keys(serviceConfigSchemas) as ServiceName[];

function settingSchema(service: ServiceName, name: string): z.ZodType | undefined {
  const shape: Record<string, z.ZodType> = serviceConfigSchemas[service].shape;
  return Object.hasOwn(shape, name) ? shape[name] : undefined;
}

export function settingNames(service: ServiceName): string[] {
  return Object.keys(serviceConfigSchemas[service].shape);
}

/** Settings without a default that are not optional: the service cannot boot without them. */
export function requiredSettings(service: ServiceName): string[] {
  return settingNames(service).filter((name) => settingSchema(service, name)?.safeParse(undefined).success === false);
}

export function isSensitive(service: ServiceName, name: string): boolean {
  const schema = settingSchema(service, name);
  return schema !== undefined && sensitiveSettings.has(schema);
}

/** Settings every service understands, so they are safe in config shared by all of them. */
export function sharedSettingNames(): string[] {
  return SERVICES.map(settingNames).reduce((shared, names) => shared.filter((name) => names.includes(name)));
}

/** Topic provisioning's own schema is private to its entry point; its extra names are listed here. */
export const TOPIC_PROVISIONING_SOURCE = 'libs/messaging/src/provisioning/provision-topics.main.ts';
export const TOPIC_PROVISIONING_ONLY_SETTINGS = ['KAFKA_REPLICATION_FACTOR'];

/** What topic provisioning reads: the Kafka settings all services share, plus its own. */
export function topicProvisioningSettingNames(): string[] {
  return [...sharedSettingNames(), ...TOPIC_PROVISIONING_ONLY_SETTINGS];
}

/** Why `value` would be rejected at boot, or undefined when it is accepted. */
export function valueProblem(service: ServiceName, name: string, value: string): string | undefined {
  const result = settingSchema(service, name)?.safeParse(value);
  if (!result || result.success) return undefined;
  return result.error.issues.map((issue) => issue.message).join('; ');
}

/**
 * The value the service runs with: `configured` when set, else the schema default; undefined when the
 * configured value is invalid (the env contract reports that).
 */
export function effectiveSetting(service: ServiceName, name: string, configured: string | undefined): unknown {
  const schema = settingSchema(service, name);
  if (!schema) throw new Error(`${service} has no setting ${name}`);
  const result = schema.safeParse(configured);
  return result.success ? result.data : undefined;
}

/** Port settings (HTTP_PORT, STRATUM_PORT, ...) are recognised by name, so a new one is picked up too. */
export function portSettingNames(service: ServiceName): string[] {
  return settingNames(service).filter((name) => name.endsWith('_PORT'));
}
