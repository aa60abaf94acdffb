/** Validation of rendered objects against the Kubernetes OpenAPI schemas shipped by kubernetes-models. */
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { type KubernetesObject } from './render-kustomization';

type ValidatingModel = new (data: never) => { validate(): void };

/** The kinds k8s/ may contain; a new kind needs its model here (and, if it has pods, checks elsewhere). */
const MODELS: ReadonlyMap<string, ValidatingModel> = new Map<string, ValidatingModel>(
  [Namespace, ConfigMap, Service, Deployment, Job, PodDisruptionBudget, HorizontalPodAutoscaler].map((model) => [
    `${model.apiVersion}/${model.kind}`,
    model,
  ]),
);

/** Throws, naming the object, when its kind is unknown or it violates the schema. */
export function validateKubernetesObject(object: KubernetesObject): void {
  const label = `${object.apiVersion} ${object.kind} ${object.metadata.name}`;
  const Model = MODELS.get(`${object.apiVersion}/${object.kind}`);
  if (!Model) throw new Error(`${label}: kind not supported by the deploy tests`);
  try {
    new Model(object as never).validate();
  } catch (error) {
    throw new Error(`${label}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
