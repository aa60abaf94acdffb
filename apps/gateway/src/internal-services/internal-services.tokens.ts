/** InternalApiClient providers, one per service the gateway calls: `@Inject(CONTRACTS_API) contracts: InternalApiClient`. */
export const CONTRACTS_API = Symbol('CONTRACTS_API');
export const VERIFIER_API = Symbol('VERIFIER_API');
