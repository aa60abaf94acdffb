import { type RecordedLine } from './recorded-line';

const HANDSHAKE_METHODS = new Set(['mining.configure', 'mining.subscribe', 'mining.authorize']);
/** As many jobs as a StratumSession keeps live: older ones are stale anyway. */
const MAX_JOBS = 32;
const MAX_HANDSHAKE_LINES = 16;

interface JobLine {
  readonly notify: RecordedLine;
  /** The set_difficulty in force when the job was sent, if any. */
  readonly difficulty: RecordedLine | null;
}

/**
 * What a recording file must start with to be audited on its own: the handshake (configure,
 * subscribe, authorize and their replies), the extranonce and the jobs still live, each after the
 * difficulty it was sent under. A rotated file opens with these, so every file is a session.
 */
export class SessionContext {
  private readonly handshake: RecordedLine[] = [];
  private readonly handshakeIds = new Set<string>();
  private extranonce: RecordedLine | null = null;
  private difficulty: RecordedLine | null = null;
  private jobs: JobLine[] = [];

  observe(event: RecordedLine): void {
    const message = parseObject(event.line);
    if (!message) return;
    const method = typeof message['method'] === 'string' ? message['method'] : null;
    const id = typeof message['id'] === 'number' || typeof message['id'] === 'string' ? String(message['id']) : null;
    if (event.from === 'miner') {
      if (method && HANDSHAKE_METHODS.has(method)) this.addHandshake(event, id);
      return;
    }
    if (method === null) {
      if (id !== null && this.handshakeIds.delete(id)) this.addHandshake(event, null);
      return;
    }
    if (method === 'mining.set_extranonce') this.extranonce = event;
    if (method === 'mining.set_difficulty') this.difficulty = event;
    if (method === 'mining.notify') this.addJob(event, message['params']);
  }

  /** The context as lines stamped `ts`, so a new file's window starts when the file does. */
  lines(ts: number): RecordedLine[] {
    const lines = [...this.handshake];
    if (this.extranonce) lines.push(this.extranonce);
    let emittedDifficulty: RecordedLine | null = null;
    for (const job of this.jobs) {
      if (job.difficulty && job.difficulty !== emittedDifficulty) lines.push(job.difficulty);
      emittedDifficulty = job.difficulty;
      lines.push(job.notify);
    }
    if (this.difficulty && this.difficulty !== emittedDifficulty) lines.push(this.difficulty);
    return lines.map((line) => ({ ...line, ts }));
  }

  private addHandshake(event: RecordedLine, id: string | null): void {
    if (this.handshake.length >= MAX_HANDSHAKE_LINES) return;
    this.handshake.push(event);
    if (id !== null) this.handshakeIds.add(id);
  }

  private addJob(event: RecordedLine, params: unknown): void {
    const cleanJobs = Array.isArray(params) && params[8] === true;
    if (cleanJobs) this.jobs = [];
    this.jobs.push({ notify: event, difficulty: this.difficulty });
    if (this.jobs.length > MAX_JOBS) this.jobs.shift();
  }
}

function parseObject(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
