/** Messages between the end-to-end benchmark and its rig-fleet child process. */
export type FleetCommand =
  | { readonly kind: 'add'; readonly url: string; readonly credentials: readonly string[]; readonly hashrate: number }
  | { readonly kind: 'stop' };

export type FleetReply =
  /** `rigs` mining in all; `failed` of this batch not taken in by the endpoint within the rig's timeout. */
  | { readonly kind: 'added'; readonly rigs: number; readonly failed: number }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'stopped'; readonly samples: readonly FleetSample[]; readonly reconnects: number };

/** Totals over every rig at one moment (ms since the epoch: the parent compares them with its own clock). */
export interface FleetSample {
  readonly at: number;
  readonly rigs: number;
  readonly submitted: number;
  readonly accepted: number;
  readonly rejected: number;
}
