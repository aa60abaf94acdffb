import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';

export const problemContentType = 'application/problem+json';

/** RFC 9457 problem details as internal routes answer them; the gateway relays `status` and `type` unchanged. */
export interface InternalProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
}

/** `about:blank` says nothing beyond the status (RFC 9457 §4.2.1); our own types are URNs. */
export function internalProblemType(slug: string | undefined): string {
  return slug ? `urn:hashproof:problem:${slug}` : 'about:blank';
}

/**
 * An HTTP error whose body is already a problem document, so it reads as one whichever exception filter
 * renders it (Nest's default sends the body as it is).
 */
export class InternalApiProblem extends HttpException {
  readonly problem: InternalProblemDocument;

  constructor(status: number, slug: string | undefined, detail: string) {
    const problem = { type: internalProblemType(slug), title: STATUS_CODES[status] ?? 'Error', status, detail };
    super(problem, status);
    this.problem = problem;
    this.message = detail;
  }
}
