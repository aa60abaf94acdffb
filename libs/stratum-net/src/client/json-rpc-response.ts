import { type JsonRpcId } from '@hashproof/stratum';

export interface JsonRpcResponse {
  readonly id: JsonRpcId;
  readonly result: unknown;
  /** The error as sent (Stratum: [code, message, traceback]); null on success. */
  readonly error: unknown;
}
