import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { runAudit } from './run-audit';

const ROOT = resolve(__dirname, '../../..');
const SAMPLE = join(ROOT, 'libs/stratum/src/testing/fixtures/honest-small.session.jsonl');

async function audit(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const code = await runAudit(argv, { stdout, stderr });
  const lines = out
    .join('')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, lines, stderr: err.join('') };
}

function scratchFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'audit-')), name);
  writeFileSync(path, content);
  return path;
}

describe('audit CLI', () => {
  it('validates every share of the honest sample and passes its claim', async () => {
    const { code, lines } = await audit([SAMPLE, '--claimed-hashrate', '3.41']);
    const shares = lines.slice(0, -1);
    const summary = lines.at(-1)?.['summary'] as Record<string, unknown>;
    expect(code).toBe(0);
    expect(shares).toHaveLength(15);
    expect(shares.every((share) => share['valid'] === true && String(share['hash']).startsWith('00'))).toBe(true);
    expect(summary).toMatchObject({
      submitted: 15,
      accepted: 15,
      rejected: 0,
      windowSeconds: 3600,
      claimedHashrate: 3.41,
      verdict: 'ok',
      poolDisagreements: 0,
      blockCandidates: 0,
    });
    expect(summary['estimatedHashrate']).toBeCloseTo((15 * 2 ** -22 * 2 ** 32) / 3600, 9);
  });

  it('exits 1 when the claim is far above what the shares show', async () => {
    const { code, lines } = await audit([SAMPLE, '--claimed-hashrate', '20']);
    expect(code).toBe(1);
    expect(lines.at(-1)?.['summary']).toMatchObject({ verdict: 'under-delivery' });
  });

  it('says insufficient-data rather than guessing when the window is too short to tell', async () => {
    const { code, lines } = await audit([SAMPLE, '--claimed-hashrate', '1']);
    expect(code).toBe(0);
    expect(lines.at(-1)?.['summary']).toMatchObject({ verdict: 'insufficient-data', pValue: null });
  });

  it('judges tampered submits and counts where the pool disagrees', async () => {
    const events = readFileSync(SAMPLE, 'utf8').trim().split('\n');
    const firstSubmit = events.findIndex((line) => line.includes('mining.submit'));
    const submit = events[firstSubmit] as string;
    const forged = submit.replace('"id\\":10', '"id\\":99').replace('a86afb99', 'a86afb98');
    const poolSaysYes = submit
      .replace('"from":"miner"', '"from":"pool"')
      .replace(/"line":".*"/, '"line":"{\\"id\\":99,\\"result\\":true,\\"error\\":null}"');
    const brokenSubmit =
      '{"ts":1767225608900,"from":"miner","line":"{\\"id\\":7,\\"method\\":\\"mining.submit\\",\\"params\\":[\\"w\\""}';
    const injected = [submit.replace('"id\\":10', '"id\\":100'), forged, poolSaysYes, brokenSubmit, 'garbage'];
    const tampered = [...events.slice(0, firstSubmit + 1), ...injected, ...events.slice(firstSubmit + 1)];
    const { code, lines } = await audit([scratchFile('tampered.jsonl', tampered.join('\n'))]);
    const byId = (id: number) => lines.find((line) => line['id'] === id);
    expect(code).toBe(0);
    expect(byId(100)).toMatchObject({ valid: false, reason: 'duplicate' });
    expect(byId(99)).toMatchObject({ valid: false, reason: 'low-difficulty' });
    expect(byId(7)).toMatchObject({ valid: false, reason: 'malformed', hash: null });
    expect(lines.at(-1)?.['summary']).toMatchObject({
      submitted: 18,
      rejected: 3,
      byReason: { duplicate: 1, 'low-difficulty': 1, malformed: 1 },
      poolDisagreements: 1,
      skippedLines: 1,
      verdict: null,
    });
  });

  it.each([
    ['a missing file', ['/nonexistent/session.jsonl'], /no such file/],
    ['a file that is not JSONL', [scratchFile('x.txt', 'hello\nworld\n')], /not a recorded stratum session/],
    [
      'a session without any mining.notify',
      [scratchFile('n.jsonl', '{"ts":1,"from":"miner","line":"{}"}\n')],
      /no mining.notify/,
    ],
    ['a bad option', [SAMPLE, '--alpha', '2'], /--alpha/],
    ['no file at all', [], /usage/],
  ])('exits 2 with one clear line for %s', async (_case, argv, message) => {
    const { code, stderr, lines } = await audit(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(lines.some((line) => 'summary' in line)).toBe(false);
  });

  it('runs as a built program: JSON lines on stdout and the exit status', () => {
    const build = spawnSync('npx', ['swc', 'apps', 'libs', '-d', 'dist', '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status).toBe(0);
    const run = spawnSync('node', ['dist/apps/audit-cli/src/main.js', SAMPLE, '--claimed-hashrate', '3.41'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toHaveLength(16);
    const missing = spawnSync('node', ['dist/apps/audit-cli/src/main.js', 'nope.jsonl'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('audit: cannot read nope.jsonl: no such file\n');
  }, 60_000);
});
