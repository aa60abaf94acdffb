import { type ConnectionEvent, type ShareOutcome, type ShareOutcomeSink } from './share-outcome';

/** Keeps everything in memory, for tests. */
export class RecordingShareOutcomeSink implements ShareOutcomeSink {
  readonly outcomes: ShareOutcome[] = [];
  readonly events: ConnectionEvent[] = [];

  shareJudged(outcome: ShareOutcome): void {
    this.outcomes.push(outcome);
  }

  connectionChanged(event: ConnectionEvent): void {
    this.events.push(event);
  }

  async close(): Promise<void> {}
}
