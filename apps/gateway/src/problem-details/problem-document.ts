import { STATUS_CODES } from 'node:http';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });

/** RFC 9457 problem details, plus the error id a caller can quote to support. */
const problemDocumentSchema = z.object({
  type: z.string().describe('`about:blank` or a `urn:hashproof:problem:*` to branch on'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().describe('the request path'),
  errorId: z.uuid().describe('quote it when reporting a problem; a 500 is logged under it'),
  errors: z.array(fieldErrorSchema).optional().describe('the fields a validation failure is about'),
  from: z.string().optional().describe('a refused status change: the status it was in'),
  to: z.string().optional().describe('a refused status change: the status it was refused'),
});

export class ProblemDocumentDto extends createZodDto(problemDocumentSchema) {}

export type ProblemDocument = z.infer<typeof problemDocumentSchema>;

export type FieldError = z.infer<typeof fieldErrorSchema>;

export const problemContentType = 'application/problem+json';

/** `about:blank` means "nothing beyond the HTTP status" (RFC 9457 §4.2.1); our own types are URNs that never pretend to resolve. */
export function problemType(slug: string | undefined): string {
  return slug ? `urn:hashproof:problem:${slug}` : 'about:blank';
}

export function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
