/** A line or field that does not follow Stratum V1; `field` names the offending part. */
export class StratumParseError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'StratumParseError';
  }
}
