/**
 * A deliberately small kustomize renderer, so manifests can be checked without kubectl in the test run.
 *
 * It supports only what k8s/ uses: `resources` (files, or directories holding a kustomization.yaml),
 * `patches` by path (strategic merge, target found by kind + name), `namespace`, `labels` (never in
 * selectors), `replicas` and `images`, applied in kustomize's order. Any other kustomization field, patch
 * directive or list patch is rejected, so a manifest change the renderer would silently get wrong fails
 * here first; extend this file (and its spec) together with the manifests.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';

const kubernetesObjectSchema = z.looseObject({
  apiVersion: z.string(),
  kind: z.string(),
  metadata: z.looseObject({
    name: z.string(),
    namespace: z.string().optional(),
    labels: z.record(z.string(), z.string()).optional(),
  }),
});

export type KubernetesObject = z.infer<typeof kubernetesObjectSchema>;

const kustomizationSchema = z
  .object({
    apiVersion: z.literal('kustomize.config.k8s.io/v1beta1'),
    kind: z.literal('Kustomization'),
    resources: z.array(z.string()).default([]),
    patches: z.array(z.object({ path: z.string() }).strict()).default([]),
    namespace: z.string().optional(),
    labels: z
      .array(
        z
          .object({
            pairs: z.record(z.string(), z.string()),
            includeTemplates: z.boolean().default(false),
            includeSelectors: z.literal(false).optional(),
          })
          .strict(),
      )
      .default([]),
    replicas: z.array(z.object({ name: z.string(), count: z.number().int().min(0) }).strict()).default([]),
    images: z
      .array(
        z
          .object({
            name: z.string(),
            newName: z.string().optional(),
            newTag: z.string().optional(),
            digest: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

type Kustomization = z.infer<typeof kustomizationSchema>;

const CLUSTER_SCOPED_KINDS = new Set(['Namespace']);
const KINDS_WITH_POD_TEMPLATE = new Set(['Deployment', 'Job']);
/** Strategic-merge keys (as in the Kubernetes API) of the lists our patches touch. */
const LIST_MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
};

export function renderKustomization(directory: string): KubernetesObject[] {
  const kustomization = readKustomization(directory);
  const objects = kustomization.resources.flatMap((resource) => loadResource(join(directory, resource)));
  for (const { path } of kustomization.patches) {
    for (const patch of readObjects(join(directory, path))) applyPatch(objects, patch, path);
  }
  if (kustomization.namespace) setNamespace(objects, kustomization.namespace);
  for (const label of kustomization.labels) addLabels(objects, label);
  for (const replica of kustomization.replicas) setReplicas(objects, replica);
  for (const image of kustomization.images) setImage(objects, image);
  return objects;
}

function readKustomization(directory: string): Kustomization {
  const file = join(directory, 'kustomization.yaml');
  const parsed = kustomizationSchema.safeParse(readObjects(file, z.unknown())[0]);
  if (!parsed.success)
    throw new Error(`${file}: unsupported or invalid kustomization\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function loadResource(path: string): KubernetesObject[] {
  return statSync(path).isDirectory() ? renderKustomization(path) : readObjects(path);
}

function readObjects(file: string): KubernetesObject[];
function readObjects<T>(file: string, schema: z.ZodType<T>): T[];
function readObjects(file: string, schema: z.ZodType = kubernetesObjectSchema): unknown[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .filter((document) => document.contents !== null)
    .map((document, index) => {
      if (document.errors.length > 0) throw new Error(`${file} document ${index}: ${document.errors[0]?.message}`);
      const parsed = schema.safeParse(document.toJS());
      if (!parsed.success) throw new Error(`${file} document ${index}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });
}

function applyPatch(objects: KubernetesObject[], patch: KubernetesObject, source: string): void {
  const matches = objects.filter(
    (object) => object.kind === patch.kind && object.metadata.name === patch.metadata.name,
  );
  if (matches.length !== 1) {
    throw new Error(
      `${source}: patch for ${patch.kind}/${patch.metadata.name} matches ${matches.length} objects, expected 1`,
    );
  }
  const [target] = matches;
  if (!target) return;
  objects.splice(objects.indexOf(target), 1, kubernetesObjectSchema.parse(mergePatch(target, patch, patch.kind)));
}

function mergePatch(target: unknown, patch: unknown, path: string): unknown {
  if (patch === null) throw new Error(`${path}: null (delete) in a patch is not supported`);
  if (Array.isArray(patch)) return mergeList(target, patch, path);
  if (!isRecord(patch)) return patch;
  const base = isRecord(target) ? target : {};
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) throw new Error(`${path}: patch directive ${key} is not supported`);
    merged[key] = mergePatch(base[key], value, `${path}.${key}`);
  }
  return merged;
}

function mergeList(target: unknown, patch: unknown[], path: string): unknown[] {
  const field = path.slice(path.lastIndexOf('.') + 1);
  const key = LIST_MERGE_KEYS[field];
  if (!key) throw new Error(`${path}: patching this list is not supported (merge key unknown to the renderer)`);
  const merged = Array.isArray(target) ? [...(target as unknown[])] : [];
  for (const item of patch) {
    if (!isRecord(item)) throw new Error(`${path}: list items must be objects keyed by ${key}`);
    const index = merged.findIndex((existing) => isRecord(existing) && existing[key] === item[key]);
    if (index === -1) merged.push(item);
    else merged[index] = mergePatch(merged[index], item, `${path}[${String(item[key])}]`);
  }
  return merged;
}

function setNamespace(objects: KubernetesObject[], namespace: string): void {
  for (const object of objects) {
    if (!CLUSTER_SCOPED_KINDS.has(object.kind)) object.metadata.namespace = namespace;
  }
}

function addLabels(objects: KubernetesObject[], { pairs, includeTemplates }: Kustomization['labels'][number]): void {
  for (const object of objects) {
    object.metadata.labels = { ...object.metadata.labels, ...pairs };
    const template = includeTemplates ? podTemplateOf(object) : undefined;
    if (template) template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, ...pairs } };
  }
}

function setReplicas(objects: KubernetesObject[], { name, count }: Kustomization['replicas'][number]): void {
  const deployment = objects.find((object) => object.kind === 'Deployment' && object.metadata.name === name);
  if (!deployment) throw new Error(`replicas: no Deployment named ${name}`);
  deployment.spec = { ...(isRecord(deployment.spec) ? deployment.spec : {}), replicas: count };
}

function setImage(
  objects: KubernetesObject[],
  { name, newName, newTag, digest }: Kustomization['images'][number],
): void {
  const containers = objects.flatMap((object) => {
    const spec = podTemplateOf(object)?.spec;
    return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
  });
  const matching = containers.filter((container) => splitImage(container.image).name === name);
  if (matching.length === 0) throw new Error(`images: no container uses ${name}`);
  for (const container of matching) {
    const current = splitImage(container.image);
    const reference = digest ? `@${digest}` : `:${newTag ?? current.tag ?? 'latest'}`;
    container.image = `${newName ?? name}${reference}`;
  }
}

interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec?: { containers?: { image?: string }[]; initContainers?: { image?: string }[] };
}

function podTemplateOf(object: KubernetesObject): PodTemplate | undefined {
  if (!KINDS_WITH_POD_TEMPLATE.has(object.kind) || !isRecord(object.spec)) return undefined;
  const template = object.spec.template;
  // Shape trusted here: every rendered object is validated against the Kubernetes schemas afterwards.
  return isRecord(template) ? template : undefined;
}

export function splitImage(image: string | undefined): { name: string; tag?: string } {
  const withoutDigest = (image ?? '').split('@')[0] ?? '';
  const tagSeparator = withoutDigest.lastIndexOf(':');
  if (tagSeparator <= withoutDigest.lastIndexOf('/')) return { name: withoutDigest };
  return { name: withoutDigest.slice(0, tagSeparator), tag: withoutDigest.slice(tagSeparator + 1) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
