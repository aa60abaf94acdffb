/** The renter's pool a contract's shares go to, with the renter's own worker login there. */
export interface UpstreamPool {
  readonly url: string;
  readonly worker: string;
  readonly password: string;
}

export interface ProxyContract {
  readonly rentalId: string;
  readonly upstream: UpstreamPool;
  /** The rig is let go at the end: past it, its work would be the renter's for free. */
  readonly endsAt: Date;
}

/**
 * Resolves the worker name a rig authorizes with. The worker name is exactly the credential issued
 * at activation: no `.suffix` convention, since a prefix match would let one credential shadow another.
 */
export interface ContractDirectory {
  /** null when the credential is unknown or revoked. */
  findByCredential(workerName: string): Promise<ProxyContract | null>;
  /**
   * The end of each credential's contract as it stands now, which a cancellation or termination may have brought
   * forward; a credential revoked or unknown is left out.
   */
  endsByCredential(credentials: readonly string[]): Promise<ReadonlyMap<string, Date>>;
}
