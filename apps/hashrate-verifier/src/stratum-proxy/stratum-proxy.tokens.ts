/** Injection tokens, so the Kafka-backed sink can replace the logging one without touching the proxy. */
export const CONTRACT_DIRECTORY = Symbol('ContractDirectory');
export const SHARE_OUTCOME_SINK = Symbol('ShareOutcomeSink');
