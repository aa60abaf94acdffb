/** The environment a deployment hands a service, checked against that service's config schema. */
import { type ServiceName } from '@hashproof/config';
import { isSensitive, requiredSettings, settingNames, valueProblem } from './service-settings';

export type EnvSource = 'literal' | 'configMap' | 'secret' | 'other';

export interface EnvSetting {
  name: string;
  source: EnvSource;
  /** Known for literals and ConfigMap entries; checked against the schema. */
  value?: string;
  /** Where the setting was found, for messages. */
  origin: string;
}

export interface EnvRules {
  /** Kubernetes: secrets only through Secret references, everything else through ConfigMaps. */
  requireSecretsFromSecretRefs: boolean;
}

export function envContractProblems(
  service: ServiceName,
  settings: readonly EnvSetting[],
  { requireSecretsFromSecretRefs }: EnvRules,
): string[] {
  const known = new Set(settingNames(service));
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const setting of settings) {
    const where = `${setting.name} (${setting.origin})`;
    const earlier = seen.get(setting.name);
    if (earlier) problems.push(`${where}: also set by ${earlier}; one source per setting`);
    seen.set(setting.name, setting.origin);
    if (!known.has(setting.name)) {
      problems.push(`${where}: not a setting of ${service}`);
      continue;
    }
    if (requireSecretsFromSecretRefs) {
      const expected: EnvSource = isSensitive(service, setting.name) ? 'secret' : 'configMap';
      if (setting.source !== expected) problems.push(`${where}: must come from a ${expected}, not a ${setting.source}`);
    }
    const rejection = setting.value === undefined ? undefined : valueProblem(service, setting.name, setting.value);
    if (rejection) problems.push(`${where}: invalid value: ${rejection}`);
  }
  for (const name of requiredSettings(service)) {
    if (!seen.has(name)) problems.push(`${name}: required by ${service} but not set`);
  }
  return problems;
}

/** The configured value of `name`, if it is set to one. */
export function configuredValue(settings: readonly EnvSetting[], name: string): string | undefined {
  return settings.find((setting) => setting.name === name)?.value;
}
