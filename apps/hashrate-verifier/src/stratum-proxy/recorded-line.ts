/** One event of docs/stratum-session-format.md, from the rig's point of view. */
export interface RecordedLine {
  readonly ts: number;
  /** `miner`: the rig sent it; `pool`: we (acting as the pool) sent it to the rig. */
  readonly from: 'miner' | 'pool';
  readonly line: string;
}
