import { type Client } from 'pg';
import { type CountPoint } from './curves';

const SAMPLE_INTERVAL_MS = 100;

/**
 * Polls, every 100 ms until stopped, how many judged shares the window aggregator has counted: valid
 * ones plus rejected ones, summed over the tallies (the run's database holds only the run's rentals).
 */
export class TallySampler {
  readonly samples: CountPoint[] = [];
  private running = true;
  private failure: Error | null = null;
  private readonly loop: Promise<void>;

  constructor(private readonly db: Client) {
    this.loop = this.run();
  }

  get latest(): CountPoint | undefined {
    return this.samples.at(-1);
  }

  /** Rejects with the query's error if sampling had stopped on one. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    if (this.failure !== null) throw this.failure;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const began = Date.now();
      try {
        const count = await this.counted();
        this.samples.push({ at: (began + Date.now()) / 2, count });
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error));
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, SAMPLE_INTERVAL_MS - (Date.now() - began))));
    }
  }

  private async counted(): Promise<number> {
    const { rows } = await this.db.query<{ counted: string }>(
      `SELECT coalesce(sum(shares + (SELECT coalesce(sum(value::bigint), 0) FROM jsonb_each_text(rejected_by_reason))), 0)
              AS counted
         FROM verifier.delivery_windows`,
    );
    return Number(rows[0]?.counted ?? 0);
  }
}
