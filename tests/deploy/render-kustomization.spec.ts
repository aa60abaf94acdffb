import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { renderKustomization } from './render-kustomization';

const K8S = resolve(__dirname, '../../k8s');

const BASE_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: example/web:1
          env: [{ name: A, value: '1' }, { name: B, value: '2' }]
        - name: sidecar
          image: example/sidecar:1
`;

function kustomization(fields: string): string {
  return `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n${fields}`;
}

describe('renderKustomization', () => {
  let root: string;
  const write = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'render-kustomization-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('applies patches, namespace, labels, replicas and images across nested kustomizations', () => {
    write({
      'base/kustomization.yaml': kustomization('namespace: shop\nresources: [web]\n'),
      'base/web/kustomization.yaml': kustomization('resources: [deployment.yaml]\n'),
      'base/web/deployment.yaml': BASE_DEPLOYMENT,
      'overlay/kustomization.yaml': kustomization(`resources: [../base]
patches: [{ path: patch.yaml }]
labels: [{ pairs: { tier: front }, includeTemplates: true }]
replicas: [{ name: web, count: 3 }]
images: [{ name: example/web, newName: registry.test/web, newTag: '2' }]
`),
      'overlay/patch.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
        - name: web
          env: [{ name: B, value: patched }, { name: C, value: '3' }]
`,
    });

    const [deployment] = renderKustomization(join(root, 'overlay'));

    expect(deployment).toMatchObject({
      metadata: { name: 'web', namespace: 'shop', labels: { tier: 'front' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web', tier: 'front' } },
          spec: {
            containers: [
              {
                name: 'web',
                image: 'registry.test/web:2',
                env: [
                  { name: 'A', value: '1' },
                  { name: 'B', value: 'patched' },
                  { name: 'C', value: '3' },
                ],
              },
              { name: 'sidecar', image: 'example/sidecar:1' },
            ],
          },
        },
      },
    });
  });

  it.each([
    ['an unsupported kustomization field', kustomization('resources: [d.yaml]\nnamePrefix: x-\n'), /namePrefix/],
    [
      'labels in selectors',
      kustomization('resources: [d.yaml]\nlabels: [{ pairs: { a: b }, includeSelectors: true }]\n'),
      /includeSelectors/,
    ],
    [
      'a patch without a target',
      kustomization('resources: [d.yaml]\npatches: [{ path: p.yaml }]\n'),
      /matches 0 objects/,
    ],
    [
      'an image nobody uses',
      kustomization('resources: [d.yaml]\nimages: [{ name: nope, newTag: x }]\n'),
      /no container uses nope/,
    ],
  ])('fails loudly on %s', (_case, text, error) => {
    write({
      'kustomization.yaml': text,
      'd.yaml': BASE_DEPLOYMENT,
      'p.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: missing }\n',
    });
    expect(() => renderKustomization(root)).toThrow(error);
  });

  it('refuses list patches whose merge key it does not know', () => {
    write({
      'kustomization.yaml': kustomization('resources: [d.yaml]\npatches: [{ path: p.yaml }]\n'),
      'd.yaml': BASE_DEPLOYMENT,
      'p.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: { template: { spec: { tolerations: [{ key: a }] } } }\n',
    });
    expect(() => renderKustomization(root)).toThrow(/tolerations: patching this list is not supported/);
  });

  // Guards the renderer against drift from real kustomize wherever kubectl happens to be installed.
  const kubectl = findKubectl();
  (kubectl ? it.each(['base', 'overlays/production']) : it.skip.each(['base', 'overlays/production']))(
    'renders k8s/%s exactly like kubectl kustomize',
    (tree) => {
      const output = execFileSync(kubectl ?? 'kubectl', ['kustomize', join(K8S, tree)], { encoding: 'utf8' });
      const expected = parseAllDocuments(output).map(
        (document) => document.toJS() as { kind: string; metadata: { name: string } },
      );
      const byIdentity = (objects: { kind: string; metadata: { name: string } }[]) =>
        Object.fromEntries(objects.map((object) => [`${object.kind}/${object.metadata.name}`, object]));
      expect(expected.length).toBeGreaterThan(10);
      expect(byIdentity(renderKustomization(join(K8S, tree)))).toEqual(byIdentity(expected));
    },
  );
});

function findKubectl(): string | undefined {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return 'kubectl';
  } catch {
    return undefined;
  }
}
