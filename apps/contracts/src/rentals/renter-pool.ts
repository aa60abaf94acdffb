/** The renter's pool account that a rental's hash rate is relayed to. */
export interface RenterPool {
  readonly url: string;
  readonly worker: string;
  readonly password: string;
}
