/** Typed lookups over rendered objects, shared by the Kubernetes checks. */
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { type IContainer } from 'kubernetes-models/v1/Container';
import { type IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { type EnvSetting } from './env-contract';
import { type KubernetesObject } from './render-kustomization';

export function ofKind<T>(objects: readonly KubernetesObject[], guard: (value: unknown) => value is T): T[] {
  return objects.flatMap((object) => (guard(object) ? [object] : []));
}

export function named<T extends { metadata?: { name?: string } }>(
  objects: readonly KubernetesObject[],
  guard: (value: unknown) => value is T,
  name: string | undefined,
): T | undefined {
  return ofKind(objects, guard).find((object) => object.metadata?.name === name);
}

export function podLabels(deployment: IDeployment): Record<string, string> {
  return deployment.spec?.template.metadata?.labels ?? {};
}

export function allContainers(pod: IPodSpec | undefined): IContainer[] {
  return [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])];
}

export function selects(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  const pairs = Object.entries(selector ?? {});
  return pairs.length > 0 && pairs.every(([key, value]) => labels[key] === value);
}

export function deploymentsSelectedBy(
  objects: readonly KubernetesObject[],
  selector: Record<string, string> | undefined,
): IDeployment[] {
  return ofKind(objects, Deployment.is).filter((deployment) => selects(selector, podLabels(deployment)));
}

/** The container port a probe or Service targets, by number or by port name. */
export function resolveContainerPort(containers: readonly IContainer[], target: string | number): number | undefined {
  const ports = containers.flatMap((container) => container.ports ?? []);
  const port =
    typeof target === 'number' ? ports.find((p) => p.containerPort === target) : ports.find((p) => p.name === target);
  return port?.containerPort;
}

export function commandLine(container: IContainer): string {
  return [...(container.command ?? []), ...(container.args ?? [])].join(' ');
}

/** Every environment variable a container receives, with where it comes from, plus what cannot be resolved. */
export function containerEnv(
  container: IContainer,
  objects: readonly KubernetesObject[],
): { settings: EnvSetting[]; problems: string[] } {
  const settings: EnvSetting[] = [];
  const problems: string[] = [];
  for (const source of container.envFrom ?? []) {
    if (source.secretRef)
      problems.push(`envFrom secretRef ${source.secretRef.name} hides its keys; use one secretKeyRef per setting`);
    if (source.prefix) problems.push(`envFrom prefix ${source.prefix} is not supported by the checks`);
    const reference = source.configMapRef?.name;
    if (reference === undefined) continue;
    const configMap = named(objects, ConfigMap.is, reference);
    if (!configMap) problems.push(`envFrom references missing ConfigMap ${reference}`);
    for (const [name, value] of Object.entries(configMap?.data ?? {})) {
      settings.push({ name, source: 'configMap', value, origin: `ConfigMap ${reference}` });
    }
  }
  for (const variable of container.env ?? []) {
    const secret = variable.valueFrom?.secretKeyRef;
    const configMapKey = variable.valueFrom?.configMapKeyRef;
    if (variable.value !== undefined) {
      settings.push({ name: variable.name, source: 'literal', value: variable.value, origin: 'env value' });
    } else if (secret) {
      settings.push({ name: variable.name, source: 'secret', origin: `Secret ${secret.name} key ${secret.key}` });
    } else if (configMapKey) {
      const value = named(objects, ConfigMap.is, configMapKey.name)?.data?.[configMapKey.key];
      if (value === undefined)
        problems.push(`${variable.name}: ConfigMap ${configMapKey.name} has no key ${configMapKey.key}`);
      settings.push({ name: variable.name, source: 'configMap', value, origin: `ConfigMap ${configMapKey.name}` });
    } else {
      settings.push({ name: variable.name, source: 'other', origin: 'env valueFrom' });
    }
  }
  return { settings, problems };
}
