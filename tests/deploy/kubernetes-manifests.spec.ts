import { type ServiceName } from '@hashproof/config';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { type IContainer } from 'kubernetes-models/v1/Container';
import { Service } from 'kubernetes-models/v1/Service';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  autoscalerProblems,
  disruptionBudgetProblems,
  serviceDeploymentProblems,
  serviceRoutingProblems,
  topicProvisioningProblems,
} from './kubernetes-checks';
import { allContainers, named, ofKind } from './kubernetes-objects';
import { validateKubernetesObject } from './kubernetes-schema';
import { type KubernetesObject, renderKustomization, splitImage } from './render-kustomization';
import { SERVICES } from './service-settings';

const K8S = resolve(__dirname, '../../k8s');
const TREES = { base: join(K8S, 'base'), production: join(K8S, 'overlays/production') };
const NAMESPACE = 'hashproof';
const AUTOSCALED: readonly ServiceName[] = ['gateway', 'hashrate-verifier'];
const STRATUM_SERVICE_PORT = 3333;

const containersOf = (objects: readonly KubernetesObject[]) =>
  ofKind(objects, Deployment.is).flatMap((deployment) => allContainers(deployment.spec?.template.spec));

describe.each(Object.entries(TREES))('k8s %s', (_tree, directory) => {
  const objects = renderKustomization(directory);

  it.each(objects.map((object) => [`${object.kind} ${object.metadata.name}`, object] as const))(
    '%s is valid against the Kubernetes schema',
    (_label, object) => {
      expect(() => validateKubernetesObject(object)).not.toThrow();
    },
  );

  it(`puts every namespaced object in ${NAMESPACE}`, () => {
    const misplaced = objects.filter(
      (object) => object.kind !== 'Namespace' && object.metadata.namespace !== NAMESPACE,
    );
    expect(misplaced.map((object) => `${object.kind}/${object.metadata.name}`)).toEqual([]);
  });

  it.each(SERVICES)('%s has a sound Deployment, Service, ConfigMap and PodDisruptionBudget', (service) => {
    expect(serviceDeploymentProblems(service, objects)).toEqual([]);
  });

  it('routes every Service and PodDisruptionBudget to pods, on ports the containers declare', () => {
    expect([...serviceRoutingProblems(objects), ...disruptionBudgetProblems(objects)]).toEqual([]);
  });

  it.each(AUTOSCALED)('autoscales %s through an HPA on its Deployment', (service) => {
    const autoscaler = ofKind(objects, HorizontalPodAutoscaler.is).find(
      (hpa) => hpa.spec?.scaleTargetRef.name === service,
    );
    expect(autoscaler?.spec?.scaleTargetRef.kind).toBe('Deployment');
    expect(autoscalerProblems(objects)).toEqual([]);
  });

  it('provisions Kafka topics with a Job', () => {
    expect(topicProvisioningProblems(objects)).toEqual([]);
  });

  it('exposes only Stratum outside the cluster, keeping the rigs’ source addresses', () => {
    const services = ofKind(objects, Service.is);
    const external = services.filter((service) => (service.spec?.type ?? 'ClusterIP') !== 'ClusterIP');
    expect(external.map((service) => service.metadata?.name)).toEqual(['hashrate-verifier-stratum']);
    expect(external[0]?.spec).toMatchObject({
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
      ports: [{ port: STRATUM_SERVICE_PORT, protocol: 'TCP', targetPort: 'stratum' }],
    });
  });

  it('commits no Secret, and documents every Secret key it references', () => {
    expect(objects.filter((object) => object.kind === 'Secret')).toEqual([]);
    const readme = readFileSync(join(K8S, 'README.md'), 'utf8');
    const pods = [
      ...ofKind(objects, Deployment.is).map((deployment) => deployment.spec?.template.spec),
      ...ofKind(objects, Job.is).map((job) => job.spec?.template.spec),
    ];
    const references = pods
      .flatMap(allContainers)
      .flatMap((container) => container.env ?? [])
      .flatMap((variable) => variable.valueFrom?.secretKeyRef ?? []);
    expect(references.length).toBeGreaterThan(0);
    const undocumented = references.filter(({ name = '', key }) => !readme.includes(name) || !readme.includes(key));
    expect(undocumented).toEqual([]);
  });
});

describe('k8s production overlay', () => {
  const objects = renderKustomization(TREES.production);

  it('pins every image to a release tag or digest', () => {
    const unpinned = containersOf(objects)
      .map((container) => container.image ?? '')
      .filter((image) => !image.includes('@') && ['local', 'latest', undefined].includes(splitImage(image).tag));
    expect(unpinned).toEqual([]);
  });

  it('runs at least two pods of every service', () => {
    const deployments = ofKind(objects, Deployment.is);
    const autoscalers = ofKind(objects, HorizontalPodAutoscaler.is);
    const floor = (name: string | undefined) =>
      autoscalers.find((hpa) => hpa.spec?.scaleTargetRef.name === name)?.spec?.minReplicas ??
      deployments.find((deployment) => deployment.metadata?.name === name)?.spec?.replicas ??
      1;
    const underProvisioned = deployments
      .map((deployment) => deployment.metadata?.name)
      .filter((name) => floor(name) < 2);
    expect(underProvisioned).toEqual([]);
  });

  it('logs at production verbosity', () => {
    const levels = ofKind(objects, ConfigMap.is).flatMap((configMap) => configMap.data?.LOG_LEVEL ?? []);
    expect(levels.length).toBeGreaterThan(0);
    expect(levels.filter((level) => ['debug', 'trace'].includes(level))).toEqual([]);
  });
});

describe('the Kubernetes checks reject broken manifests', () => {
  let objects: KubernetesObject[];
  let gateway: IContainer;

  beforeEach(() => {
    objects = renderKustomization(TREES.production);
    const container = named(objects, Deployment.is, 'gateway')?.spec?.template.spec?.containers[0];
    if (!container) throw new Error('gateway container not rendered');
    gateway = container;
  });

  it('a probe on the wrong port', () => {
    if (gateway.readinessProbe?.httpGet) gateway.readinessProbe.httpGet.port = 9999;
    expect(serviceDeploymentProblems('gateway', objects)).toEqual([
      expect.stringMatching(/readinessProbe port 9999 is not HTTP_PORT=3000/),
    ]);
  });

  it('an env name the service does not know', () => {
    gateway.env?.push({ name: 'DATABSE_URL', value: 'postgres://x@db/hashproof' });
    expect(serviceDeploymentProblems('gateway', objects)).toEqual([
      expect.stringMatching(/container gateway: DATABSE_URL .*not a setting of gateway/),
    ]);
  });

  it('a required setting left out, and a secret moved into a ConfigMap', () => {
    gateway.env = gateway.env?.filter((variable) => !['DATABASE_URL', 'REDIS_URL'].includes(variable.name));
    const config = named(objects, ConfigMap.is, 'gateway-config');
    if (config?.data) config.data.REDIS_URL = 'redis://redis:6379/0';
    expect(serviceDeploymentProblems('gateway', objects)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/container gateway: REDIS_URL \(ConfigMap gateway-config\): must come from a secret/),
        expect.stringMatching(/DATABASE_URL: required by gateway but not set/),
      ]),
    );
  });

  it('a ConfigMap value the schema rejects, and a container allowed to escalate', () => {
    const config = named(objects, ConfigMap.is, 'hashproof-common');
    if (config?.data) config.data.LOG_LEVEL = 'verbose';
    if (gateway.securityContext) gateway.securityContext.allowPrivilegeEscalation = true;
    expect(serviceDeploymentProblems('gateway', objects)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/LOG_LEVEL .*invalid value/),
        expect.stringMatching(/container gateway: allowPrivilegeEscalation is not false/),
      ]),
    );
  });

  it('a Service aimed at an undeclared port, and an HPA aimed at a missing Deployment', () => {
    const port = named(objects, Service.is, 'contracts')?.spec?.ports?.[0];
    if (port) port.targetPort = 'metrics';
    const autoscaler = named(objects, HorizontalPodAutoscaler.is, 'gateway');
    if (autoscaler?.spec) autoscaler.spec.scaleTargetRef.name = 'gateway-v2';
    expect(serviceRoutingProblems(objects)).toEqual([expect.stringMatching(/Service contracts: targetPort metrics/)]);
    expect(autoscalerProblems(objects)).toEqual([expect.stringMatching(/gateway-v2, which is not a Deployment/)]);
  });

  it('objects the Kubernetes schema or the test suite does not accept', () => {
    const deployment = named(objects, Deployment.is, 'gateway');
    if (deployment?.spec)
      deployment.spec.template.spec = {
        containers: [{ name: 'gateway', ports: [{ containerPort: 'http' as never }] }],
      };
    expect(() => validateKubernetesObject(deployment as KubernetesObject)).toThrow(/containerPort must be integer/);
    const ingress = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' } };
    expect(() => validateKubernetesObject(ingress)).toThrow(/kind not supported/);
  });
});
