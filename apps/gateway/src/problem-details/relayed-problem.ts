import type { ProblemDocument } from './problem-document';

export type RelayedProblemDocument = Omit<ProblemDocument, 'instance' | 'errorId'>;

/**
 * A problem another service answered, or its absence, passed on to the gateway's caller as it is: the
 * problem-details filter keeps its status, type, detail and field errors, and adds the gateway's own
 * instance and errorId.
 */
export class RelayedProblem extends Error {
  constructor(
    readonly problem: RelayedProblemDocument,
    why: string,
    options?: { cause?: unknown },
  ) {
    super(why, options);
    this.name = 'RelayedProblem';
  }
}
