/** The gateway's capacity-check settings, from its config. */
export interface CapacityCheckSettings {
  /** The shortest and longest run a provider may ask for, in seconds. */
  readonly minSeconds: number;
  readonly maxSeconds: number;
  /** The verifier's stratum endpoint as providers' rigs reach it. */
  readonly stratumUrl: string;
}

export const CAPACITY_CHECK_SETTINGS = Symbol('CAPACITY_CHECK_SETTINGS');

/** A day: long enough for a steady estimate of any rig, short enough that a check proves current capacity. */
export const capacityCheckMaxSeconds = 86_400;
