import { addShare, NO_WORK, type DeliveredWork } from '@hashproof/hashrate';
import { toExplorerHex } from '../pow/header';
import { type JsonRpcId, type StratumMessage } from '../protocol/stratum-message';
import { parseStratumLine } from '../protocol/stratum-message.parser';
import { StratumParseError } from '../protocol/stratum-parse.error';
import { parseRecordedEvent, type RecordedEvent } from '../recording/recorded-event';
import { UnusableSessionError } from '../recording/unusable-session.error';
import { type RejectReason } from '../session/reject-reason';
import { type ShareVerdict } from '../session/share-verdict';
import { StratumSession } from '../session/stratum-session';
import { type AuditOptions } from './audit-options';
import { summarizeAudit, type AuditSummary } from './audit-summary';
import { type ShareAuditLine } from './share-audit-line';

/**
 * Replays a recorded session line by line: every mining.submit gets our own verdict at once
 * (streamed, in order); the pool's replies are compared with it when they come.
 */
export class SessionAuditor {
  private readonly session = new StratumSession();
  private readonly ourVerdicts = new Map<string, boolean>();
  private readonly byReason: Partial<Record<RejectReason, number>> = {};
  private delivered: DeliveredWork = NO_WORK;
  private submitted = 0;
  private events = 0;
  private firstNotifyTs: number | null = null;
  private lastTs: number | null = null;
  private poolDisagreements = 0;
  private poolReplies = 0;
  private blockCandidates = 0;
  private skippedLines = 0;

  constructor(private readonly options: AuditOptions = {}) {}

  /** Feeds one line of the recording; returns the audit line when it was a submit. */
  consume(text: string): ShareAuditLine | null {
    if (text.trim() === '') return null;
    let event: RecordedEvent;
    try {
      event = parseRecordedEvent(text);
    } catch {
      this.skippedLines++;
      return null;
    }
    this.events++;
    this.lastTs = event.ts;
    return event.from === 'miner' ? this.fromMiner(event) : (this.fromPool(event), null);
  }

  /** Totals and statistics; throws UnusableSessionError when nothing could be audited. */
  summary(): AuditSummary {
    if (this.events === 0)
      throw new UnusableSessionError('not a recorded stratum session: no line is a {"ts","from","line"} event');
    if (this.firstNotifyTs === null || this.lastTs === null)
      throw new UnusableSessionError('the session has no mining.notify: there is no job to check shares against');
    return summarizeAudit(
      {
        submitted: this.submitted,
        byReason: this.byReason,
        delivered: this.delivered,
        windowSeconds: Math.max(0, (this.lastTs - this.firstNotifyTs) / 1000),
        difficultyInForce: this.session.difficultyInForce,
        poolDisagreements: this.poolDisagreements,
        poolReplies: this.poolReplies,
        blockCandidates: this.blockCandidates,
        skippedLines: this.skippedLines,
      },
      this.options,
    );
  }

  private fromMiner(event: RecordedEvent): ShareAuditLine | null {
    let message: StratumMessage;
    try {
      message = parseStratumLine(event.line);
    } catch (error) {
      return this.unparseable(event.line, error);
    }
    const verdict = this.session.fromMiner(message);
    if (message.kind !== 'submit' || verdict === null) return null;
    return this.record(message.id, verdict);
  }

  private fromPool(event: RecordedEvent): void {
    let message: StratumMessage;
    try {
      message = parseStratumLine(event.line);
      if (message.kind === 'notify') this.firstNotifyTs ??= event.ts;
      if (message.kind === 'response') this.comparePoolReply(message.id, message.result, message.error);
      this.session.fromPool(message);
    } catch (error) {
      if (!(error instanceof StratumParseError)) throw error;
      this.skippedLines++;
    }
  }

  // A submit we cannot parse is still a submit: it gets a `malformed` verdict, not silence.
  private unparseable(line: string, error: unknown): ShareAuditLine | null {
    if (!(error instanceof StratumParseError)) throw error;
    if (!line.includes('mining.submit')) {
      this.skippedLines++;
      return null;
    }
    const verdict: ShareVerdict = {
      valid: false,
      reason: 'malformed',
      hash: null,
      achievedDifficulty: null,
      assignedDifficulty: null,
      blockCandidate: false,
    };
    return this.record(idOf(line), verdict);
  }

  private record(id: JsonRpcId, verdict: ShareVerdict): ShareAuditLine {
    this.submitted++;
    if (id !== null) this.ourVerdicts.set(String(id), verdict.valid);
    if (verdict.valid && verdict.assignedDifficulty !== null)
      this.delivered = addShare(this.delivered, verdict.assignedDifficulty);
    if (verdict.reason !== null) this.byReason[verdict.reason] = (this.byReason[verdict.reason] ?? 0) + 1;
    if (verdict.blockCandidate) this.blockCandidates++;
    return {
      id,
      valid: verdict.valid,
      reason: verdict.reason,
      hash: verdict.hash ? toExplorerHex(verdict.hash) : null,
      difficulty: verdict.achievedDifficulty,
      blockCandidate: verdict.blockCandidate,
    };
  }

  private comparePoolReply(id: JsonRpcId, result: unknown, error: unknown): void {
    const ours = this.ourVerdicts.get(String(id));
    if (ours === undefined) return;
    this.ourVerdicts.delete(String(id));
    this.poolReplies++;
    const poolAccepted = result === true && (error === null || error === undefined);
    if (poolAccepted !== ours) this.poolDisagreements++;
  }
}

function idOf(brokenLine: string): JsonRpcId {
  const match = /"id"\s*:\s*(\d+|"[^"]*")/.exec(brokenLine);
  if (!match?.[1]) return null;
  return match[1].startsWith('"') ? match[1].slice(1, -1) : Number(match[1]);
}
