import { mkdtemp, readdir, readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deleteExpiredRecordings } from './recording-retention';
import { SessionRecorder } from './session-recorder';

const DAY1 = Date.UTC(2026, 0, 1, 12);
const lines = {
  subscribe: '{"id":1,"method":"mining.subscribe","params":[]}',
  subscribed: '{"id":1,"result":[[],"",4],"error":null}',
  authorize: '{"id":2,"method":"mining.authorize","params":["cred","x"]}',
  authorized: '{"id":2,"result":true,"error":null}',
  difficulty: '{"id":null,"method":"mining.set_difficulty","params":[0.5]}',
  notify: (id: string, clean: boolean) =>
    `{"id":null,"method":"mining.notify","params":["${id}","p","c1","c2",[],"20000000","1e00ffff","65000000",${clean}]}`,
  submit: '{"id":3,"method":"mining.submit","params":["cred","1","00000000","65000000","00000000"]}',
};

describe('SessionRecorder', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'recorder-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  const read = async (file: string) =>
    (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { ts: number; from: string; line: string });

  it('writes <dir>/<rental>/<utc day>/<connection>.jsonl in the shared format', async () => {
    const recording = new SessionRecorder({ dir, maxFileBytes: 1 << 20 }).open('rental-1', 'conn-1');
    recording.append({ ts: DAY1, from: 'miner', line: lines.subscribe });
    recording.append({ ts: DAY1 + 1, from: 'pool', line: lines.subscribed });
    await recording.close();
    expect(recording.files).toEqual([path.join(dir, 'rental-1', '2026-01-01', 'conn-1.jsonl')]);
    expect(await read(recording.files[0] ?? '')).toEqual([
      { ts: DAY1, from: 'miner', line: lines.subscribe },
      { ts: DAY1 + 1, from: 'pool', line: lines.subscribed },
    ]);
  });

  it('rotates at the size limit into a file that starts with the handshake and the live jobs', async () => {
    const recording = new SessionRecorder({ dir, maxFileBytes: 900 }).open('rental-1', 'conn-1');
    const handshake = [
      ['miner', lines.subscribe],
      ['pool', lines.subscribed],
      ['miner', lines.authorize],
      ['pool', lines.authorized],
      ['pool', lines.difficulty],
      ['pool', lines.notify('old', true)],
      ['pool', lines.notify('1', true)],
    ] as const;
    for (const [from, line] of handshake) recording.append({ ts: DAY1, from, line });
    for (let i = 0; i < 5; i++) recording.append({ ts: DAY1 + 10 + i, from: 'miner', line: lines.submit });
    await recording.close();
    expect(recording.files.length).toBeGreaterThanOrEqual(2);
    expect(path.basename(recording.files[1] ?? '')).toBe('conn-1.1.jsonl');
    const second = await read(recording.files[1] ?? '');
    const rotatedAt = second[0]?.ts;
    expect(second.slice(0, 6)).toEqual(
      [
        lines.subscribe,
        lines.subscribed,
        lines.authorize,
        lines.authorized,
        lines.difficulty,
        lines.notify('1', true),
      ].map((line, i) => ({ ts: rotatedAt, from: i === 0 || i === 2 ? 'miner' : 'pool', line })),
    );
    expect(second.slice(6).every((event) => event.line === lines.submit)).toBe(true);
  });

  it('starts a new day folder at UTC midnight', async () => {
    const recording = new SessionRecorder({ dir, maxFileBytes: 1 << 20 }).open('rental-1', 'conn-1');
    recording.append({ ts: DAY1, from: 'miner', line: lines.subscribe });
    recording.append({ ts: DAY1 + 86_400_000, from: 'miner', line: lines.submit });
    await recording.close();
    expect(recording.files.map((file) => path.relative(dir, file))).toEqual([
      path.join('rental-1', '2026-01-01', 'conn-1.jsonl'),
      path.join('rental-1', '2026-01-02', 'conn-1.1.jsonl'),
    ]);
  });

  it('refuses names that would leave the recording folder', () => {
    const recording = new SessionRecorder({ dir, maxFileBytes: 1 << 20 }).open('../escape', 'conn-1');
    expect(() => recording.append({ ts: DAY1, from: 'miner', line: lines.subscribe })).toThrow(/unsafe/);
  });
});

describe('deleteExpiredRecordings', () => {
  it('deletes day folders older than the retention and contract folders left empty', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'retention-'));
    try {
      for (const day of ['a/2026-01-01', 'a/2026-01-29', 'b/2026-01-01']) {
        await mkdir(path.join(dir, day), { recursive: true });
        await writeFile(path.join(dir, day, 'c.jsonl'), '');
      }
      const deleted = await deleteExpiredRecordings(dir, 30, Date.UTC(2026, 1, 1));
      expect(deleted.map((folder) => path.relative(dir, folder)).sort()).toEqual([
        path.join('a', '2026-01-01'),
        path.join('b', '2026-01-01'),
      ]);
      expect((await readdir(dir)).sort()).toEqual(['a']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
