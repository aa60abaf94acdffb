export type JsonRpcId = number | string | null;

export interface JobNotification {
  readonly jobId: string;
  /** prevhash exactly as sent: the block hash with each 4-byte word byte-swapped. */
  readonly prevhash: Buffer;
  readonly coinb1: Buffer;
  readonly coinb2: Buffer;
  /** Branch hashes in the internal (hash-output) byte order, as pools send them. */
  readonly merkleBranch: readonly Buffer[];
  readonly version: number;
  readonly nbits: number;
  readonly ntime: number;
  readonly cleanJobs: boolean;
}

export interface ShareSubmission {
  readonly worker: string;
  readonly jobId: string;
  readonly extranonce2: Buffer;
  readonly ntime: number;
  readonly nonce: number;
  /** BIP 310 rolled version bits, when the miner sent them. */
  readonly versionBits?: number;
}

export type StratumMessage =
  | {
      readonly kind: 'configure';
      readonly id: JsonRpcId;
      readonly extensions: readonly string[];
      readonly options: Readonly<Record<string, unknown>>;
    }
  | { readonly kind: 'subscribe'; readonly id: JsonRpcId }
  | { readonly kind: 'authorize'; readonly id: JsonRpcId; readonly worker: string }
  | { readonly kind: 'submit'; readonly id: JsonRpcId; readonly share: ShareSubmission }
  | { readonly kind: 'set-difficulty'; readonly difficulty: number }
  | { readonly kind: 'set-extranonce'; readonly extranonce1: Buffer; readonly extranonce2Size: number }
  | { readonly kind: 'notify'; readonly job: JobNotification }
  | { readonly kind: 'response'; readonly id: JsonRpcId; readonly result: unknown; readonly error: unknown }
  | { readonly kind: 'other'; readonly id: JsonRpcId; readonly method: string };
