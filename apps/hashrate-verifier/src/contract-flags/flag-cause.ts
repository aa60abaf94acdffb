import { contractFlagCauses } from '@hashproof/events';

/** The causes are the event contract's, so what is stored and what is published cannot drift apart. */
export const flagCauses = contractFlagCauses;

export type FlagCause = (typeof flagCauses)[number];
