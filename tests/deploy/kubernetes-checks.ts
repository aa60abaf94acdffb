/**
 * Rules for the rendered Kubernetes objects. Each returns a list of problems (empty = fine) so the specs
 * can show every violation at once and feed deliberately broken objects to prove a rule can fail.
 */
import { type ServiceName } from '@hashproof/config';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { type IContainer } from 'kubernetes-models/v1/Container';
import { type IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { type IProbe } from 'kubernetes-models/v1/Probe';
import { Service } from 'kubernetes-models/v1/Service';
import { configuredValue, envContractProblems } from './env-contract';
import {
  allContainers,
  commandLine,
  containerEnv,
  deploymentsSelectedBy,
  named,
  ofKind,
  podLabels,
  resolveContainerPort,
  selects,
} from './kubernetes-objects';
import { type KubernetesObject, splitImage } from './render-kustomization';
import {
  effectiveSetting,
  isSensitive,
  portSettingNames,
  SERVICES,
  TOPIC_PROVISIONING_SOURCE,
  topicProvisioningSettingNames,
} from './service-settings';

/** Seconds Kubernetes needs beyond the app's own drain time (endpoint removal, process exit). */
const SHUTDOWN_MARGIN_SECONDS = 5;
const KUBERNETES_DEFAULT_GRACE_SECONDS = 30;
export const TOPIC_PROVISIONING_ENTRY = `dist/${TOPIC_PROVISIONING_SOURCE.replace(/\.ts$/, '.js')}`;

export function serviceDeploymentProblems(service: ServiceName, objects: readonly KubernetesObject[]): string[] {
  const deployment = named(objects, Deployment.is, service);
  const pod = deployment?.spec?.template.spec;
  const container = pod?.containers.find((candidate) => candidate.name === service);
  if (!deployment || !pod || !container) return [`Deployment ${service} with a container named ${service} is missing`];
  const env = containerEnv(container, objects);
  const problems = [
    ...[...env.problems, ...envContractProblems(service, env.settings, { requireSecretsFromSecretRefs: true })].map(
      (problem) => `container ${service}: ${problem}`,
    ),
    ...selectorProblems(deployment),
    ...imageProblems(service, container),
    ...portAndProbeProblems(service, container, (name) => configuredValue(env.settings, name)),
    ...migrationProblems(service, container, pod, objects),
    ...podSecurityProblems(pod),
    ...allContainers(pod).flatMap(resourceProblems),
    ...configMapProblems(service, container, objects),
    ...gracePeriodProblems(service, pod, configuredValue(env.settings, 'SHUTDOWN_TIMEOUT_MS')),
  ];
  const budgets = ofKind(objects, PodDisruptionBudget.is);
  if (!budgets.some((pdb) => selects(pdb.spec?.selector?.matchLabels, podLabels(deployment)))) {
    problems.push('no PodDisruptionBudget selects its pods');
  }
  if (!named(objects, Service.is, service)) problems.push(`no Service named ${service}`);
  return problems.map((problem) => `Deployment ${service}: ${problem}`);
}

function selectorProblems(deployment: IDeployment): string[] {
  return selects(deployment.spec?.selector.matchLabels, podLabels(deployment))
    ? []
    : ['selector does not match its own pod labels'];
}

function imageProblems(service: ServiceName, container: IContainer): string[] {
  const { name } = splitImage(container.image);
  return name === `hashproof/${service}` || name.endsWith(`/hashproof/${service}`)
    ? []
    : [`runs image ${container.image}`];
}

function portAndProbeProblems(
  service: ServiceName,
  container: IContainer,
  configured: (name: string) => string | undefined,
): string[] {
  const problems: string[] = [];
  for (const setting of portSettingNames(service)) {
    const port = effectiveSetting(service, setting, configured(setting));
    if (!container.ports?.some((declared) => declared.containerPort === port)) {
      problems.push(`no containerPort for ${setting}=${String(port)}`);
    }
  }
  const httpPort = effectiveSetting(service, 'HTTP_PORT', configured('HTTP_PORT'));
  const probes: [string, IProbe | undefined, readonly string[]][] = [
    ['readinessProbe', container.readinessProbe, ['/health']],
    ['livenessProbe', container.livenessProbe, ['/health/live']],
    ['startupProbe', container.startupProbe, ['/health/live', '/health']],
  ];
  for (const [kind, probe, paths] of probes) {
    const get = probe?.httpGet;
    if (!get) {
      problems.push(`${kind} missing or not an HTTP GET`);
      continue;
    }
    if (!paths.includes(get.path ?? '')) problems.push(`${kind} path ${get.path} (expected ${paths.join(' or ')})`);
    const port = resolveContainerPort([container], get.port);
    if (port !== httpPort) problems.push(`${kind} port ${get.port} is not HTTP_PORT=${String(httpPort)}`);
  }
  return problems;
}

function migrationProblems(
  service: ServiceName,
  container: IContainer,
  pod: IPodSpec,
  objects: readonly KubernetesObject[],
): string[] {
  const entry = `dist/apps/${service}/src/migrate.js`;
  const migrate = pod.initContainers?.find((candidate) => commandLine(candidate).includes(entry));
  if (!migrate) return [`no initContainer runs ${entry}`];
  const env = containerEnv(migrate, objects);
  return [
    ...(migrate.image === container.image ? [] : [`migrate image ${migrate.image} differs from ${container.image}`]),
    ...env.problems,
    ...envContractProblems(service, env.settings, { requireSecretsFromSecretRefs: true }),
  ].map((problem) => `initContainer ${migrate.name}: ${problem}`);
}

export function podSecurityProblems(pod: IPodSpec): string[] {
  const problems: string[] = [];
  if (pod.securityContext?.runAsNonRoot !== true) problems.push('pod securityContext.runAsNonRoot is not true');
  if (!pod.securityContext?.runAsUser) problems.push('pod securityContext.runAsUser must name the non-root uid');
  for (const container of allContainers(pod)) {
    const context = container.securityContext;
    const where = `container ${container.name}`;
    if (context?.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation is not false`);
    if (context?.readOnlyRootFilesystem !== true) problems.push(`${where}: readOnlyRootFilesystem is not true`);
    if (!context?.capabilities?.drop?.includes('ALL')) problems.push(`${where}: capabilities do not drop ALL`);
    if (context?.runAsUser === 0 || context?.runAsNonRoot === false) problems.push(`${where}: may run as root`);
  }
  return problems;
}

export function resourceProblems(container: IContainer): string[] {
  const { requests, limits } = container.resources ?? {};
  return ['cpu', 'memory'].flatMap((resource) =>
    requests?.[resource] === undefined || limits?.[resource] === undefined
      ? [`container ${container.name}: ${resource} request and limit required`]
      : [],
  );
}

function configMapProblems(
  service: ServiceName,
  container: IContainer,
  objects: readonly KubernetesObject[],
): string[] {
  const name = `${service}-config`;
  if (!named(objects, ConfigMap.is, name)) return [`ConfigMap ${name} is missing`];
  return container.envFrom?.some((source) => source.configMapRef?.name === name)
    ? []
    : [`does not load ConfigMap ${name}`];
}

function gracePeriodProblems(service: ServiceName, pod: IPodSpec, configuredShutdown: string | undefined): string[] {
  const shutdownSeconds = Number(effectiveSetting(service, 'SHUTDOWN_TIMEOUT_MS', configuredShutdown)) / 1000;
  const grace = pod.terminationGracePeriodSeconds ?? KUBERNETES_DEFAULT_GRACE_SECONDS;
  return grace >= shutdownSeconds + SHUTDOWN_MARGIN_SECONDS
    ? []
    : [`terminationGracePeriodSeconds ${grace} < SHUTDOWN_TIMEOUT_MS/1000 + ${SHUTDOWN_MARGIN_SECONDS}`];
}

/** Every Service routes to a Deployment, on ports its containers declare. */
export function serviceRoutingProblems(objects: readonly KubernetesObject[]): string[] {
  return ofKind(objects, Service.is).flatMap((service) => {
    const name = `Service ${service.metadata?.name}`;
    const targets = deploymentsSelectedBy(objects, service.spec?.selector);
    if (targets.length === 0) return [`${name}: selector matches no Deployment's pods`];
    return (service.spec?.ports ?? []).flatMap((port) =>
      targets
        .filter(
          (target) =>
            resolveContainerPort(target.spec?.template.spec?.containers ?? [], port.targetPort ?? port.port) ===
            undefined,
        )
        .map(
          (target) => `${name}: targetPort ${port.targetPort ?? port.port} is not a port of ${target.metadata?.name}`,
        ),
    );
  });
}

export function disruptionBudgetProblems(objects: readonly KubernetesObject[]): string[] {
  return ofKind(objects, PodDisruptionBudget.is)
    .filter((pdb) => deploymentsSelectedBy(objects, pdb.spec?.selector?.matchLabels).length === 0)
    .map((pdb) => `PodDisruptionBudget ${pdb.metadata?.name}: selector matches no Deployment's pods`);
}

export function autoscalerProblems(objects: readonly KubernetesObject[]): string[] {
  return ofKind(objects, HorizontalPodAutoscaler.is).flatMap((hpa) => {
    const name = `HorizontalPodAutoscaler ${hpa.metadata?.name}`;
    if (!hpa.spec) return [`${name}: no spec`];
    const { scaleTargetRef: target, minReplicas = 1, maxReplicas } = hpa.spec;
    const deployment = target.kind === 'Deployment' ? named(objects, Deployment.is, target.name) : undefined;
    if (!deployment) return [`${name}: scales ${target.kind}/${target.name}, which is not a Deployment here`];
    const problems: string[] = [];
    if (minReplicas > maxReplicas) problems.push(`${name}: minReplicas ${minReplicas} > maxReplicas ${maxReplicas}`);
    // A replicas field would be re-applied on every deploy, fighting the autoscaler.
    if (deployment.spec?.replicas !== undefined) problems.push(`${name}: Deployment ${target.name} also sets replicas`);
    return problems;
  });
}

export function topicProvisioningProblems(objects: readonly KubernetesObject[]): string[] {
  const job = ofKind(objects, Job.is).find((candidate) =>
    allContainers(candidate.spec?.template.spec).some((container) =>
      commandLine(container).includes(TOPIC_PROVISIONING_ENTRY),
    ),
  );
  const pod = job?.spec?.template.spec;
  if (!job || !pod) return [`no Job runs ${TOPIC_PROVISIONING_ENTRY}`];
  const accepted = new Set(topicProvisioningSettingNames());
  const problems = [...podSecurityProblems(pod), ...allContainers(pod).flatMap(resourceProblems)];
  for (const container of allContainers(pod)) {
    const env = containerEnv(container, objects);
    problems.push(...env.problems);
    for (const setting of env.settings) {
      if (!accepted.has(setting.name)) {
        problems.push(`${setting.name} (${setting.origin}): not a topic provisioning setting`);
      }
      const sensitive = SERVICES.some((service) => isSensitive(service, setting.name));
      if (sensitive && setting.source !== 'secret') problems.push(`${setting.name}: must come from a Secret`);
    }
    if (!env.settings.some((setting) => setting.name === 'KAFKA_BROKERS')) problems.push('KAFKA_BROKERS is not set');
  }
  return problems.map((problem) => `Job ${job.metadata?.name}: ${problem}`);
}
