/** What the gateway tells providers about mining their rentals, from its config. */
export interface ProviderRentalSettings {
  /** The verifier's stratum endpoint as providers' rigs reach it (STRATUM_PUBLIC_URL). */
  readonly stratumUrl: string;
}

export const PROVIDER_RENTAL_SETTINGS = Symbol('PROVIDER_RENTAL_SETTINGS');
