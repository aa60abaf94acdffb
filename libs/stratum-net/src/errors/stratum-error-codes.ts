import { type RejectReason } from '@hashproof/stratum';
import { OTHER_ERROR_CODE, stratumError, type StratumError } from '../connection/json-rpc-error';

/** The error codes pools conventionally answer with (slush / cgminer's table). */
export const STRATUM_CODES = {
  other: OTHER_ERROR_CODE,
  jobNotFound: 21,
  duplicate: 22,
  lowDifficulty: 23,
  unauthorized: 24,
  notSubscribed: 25,
} as const;

const REJECT_ERRORS: Record<RejectReason, StratumError> = {
  'low-difficulty': stratumError(STRATUM_CODES.lowDifficulty, 'Low difficulty share'),
  duplicate: stratumError(STRATUM_CODES.duplicate, 'Duplicate share'),
  'unknown-job': stratumError(STRATUM_CODES.jobNotFound, 'Job not found'),
  stale: stratumError(STRATUM_CODES.jobNotFound, 'Job not found (stale)'),
  'ntime-out-of-range': stratumError(STRATUM_CODES.other, 'ntime out of range'),
  'bad-version-bits': stratumError(STRATUM_CODES.other, 'Version bits outside the negotiated mask'),
  unauthorized: stratumError(STRATUM_CODES.unauthorized, 'Unauthorized worker'),
  malformed: stratumError(STRATUM_CODES.other, 'Malformed share'),
};

/** The error a rig gets for a share we judged invalid. */
export function rejectError(reason: RejectReason): StratumError {
  return REJECT_ERRORS[reason];
}
