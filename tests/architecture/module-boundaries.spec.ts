import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** Lints a throwaway file placed inside a project, the way a real import would appear there. */
function lintProbe(projectDir: string, source: string): { status: number | null; output: string } {
  const file = path.join(root, projectDir, `boundary-probe-${randomUUID().slice(0, 8)}.ts`);
  writeFileSync(file, source);
  try {
    spawnSync('npx', ['nx', 'show', 'projects'], { cwd: root, encoding: 'utf8' });
    const result = spawnSync(
      'npx',
      ['eslint', '--no-warn-ignored', '--rule', '{"@typescript-eslint/no-unused-vars":"off"}', file],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    return { status: result.status, output: result.stdout + result.stderr };
  } finally {
    rmSync(file, { force: true });
  }
}

describe('module boundaries (Nx tags, enforced by lint)', () => {
  jest.setTimeout(120_000);

  it('refuses an app importing another app', () => {
    const result = lintProbe(
      'apps/gateway/src',
      "import { ContractsModule } from '../../contracts/src/contracts.module';\nexport const probe = ContractsModule;\n",
    );
    expect(result.status).toBe(1);
    expect(result.output).toContain('@nx/enforce-module-boundaries');
  });

  it('refuses a domain library importing framework-level libraries', () => {
    const result = lintProbe(
      'libs/hashrate/src',
      "import { RuntimeModule } from '@hashproof/runtime';\nexport const probe = RuntimeModule;\n",
    );
    expect(result.status).toBe(1);
    expect(result.output).toContain('@nx/enforce-module-boundaries');
  });

  it('accepts an app importing a shared library', () => {
    const result = lintProbe(
      'apps/gateway/src',
      "import { loadConfig } from '@hashproof/config';\nexport const probe = loadConfig;\n",
    );
    expect(result.output).not.toContain('@nx/enforce-module-boundaries');
    expect(result.status).toBe(0);
  });
});
