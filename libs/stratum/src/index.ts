export { StratumParseError } from './protocol/stratum-parse.error';
export {
  type JobNotification,
  type JsonRpcId,
  type ShareSubmission,
  type StratumMessage,
} from './protocol/stratum-message';
export { parseStratumLine } from './protocol/stratum-message.parser';
export { parseJsonRpcLine, type JsonRpcFrame } from './protocol/json-rpc-line.parser';
export { parseSubscribeResult, type SubscribeResult } from './protocol/subscribe-result.parser';
export { configureReply } from './protocol/configure-reply';
export { parseVersionRollingMask } from './protocol/configure-result.parser';
export { MAX_EXTRANONCE2_SIZE } from './protocol/limits';
export { sha256, sha256d } from './pow/sha256d';
export {
  DIFFICULTY_ONE_TARGET,
  achievedDifficulty,
  difficultyFromNbits,
  hashToBigInt,
  targetForDifficulty,
  targetFromNbits,
  targetToLittleEndian,
} from './pow/targets';
export { meetsTarget } from './pow/meets-target';
export { coinbaseMerkleBranch, merkleRootFromBranch } from './pow/merkle';
export {
  buildHeader,
  headerPrevhashToStratum,
  prevhashToHeaderOrder,
  toExplorerHex,
  type HeaderFields,
} from './pow/header';
export { DEFAULT_VERSION_ROLLING_MASK, rollVersion, versionBitsWithinMask } from './pow/version-rolling';
export { REJECT_REASONS, type RejectReason } from './session/reject-reason';
export { type ShareVerdict } from './session/share-verdict';
export { PreparedJob, type JobContext } from './session/prepared-job';
export { JobBook, type JobLookup } from './session/job-book';
export { MAX_NTIME_ROLL_SECONDS, validateShare, type ShareCheck } from './session/share-validator';
export { DEFAULT_DIFFICULTY, StratumSession } from './session/stratum-session';
export { parseRecordedEvent, type RecordedEvent } from './recording/recorded-event';
export { openSessionFile, type SessionFile } from './recording/session-file.reader';
export { UnusableSessionError } from './recording/unusable-session.error';
export { SessionAuditor } from './audit/session-auditor';
export { type AuditOptions } from './audit/audit-options';
export { type AuditSummary } from './audit/audit-summary';
export { type ShareAuditLine } from './audit/share-audit-line';
export { VardiffController, type VardiffOptions } from './vardiff/vardiff-controller';
export { issueStratumCredential } from './credential/stratum-credential';
