import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodValidationException } from 'nestjs-zod';
import {
  InternalApiProblem,
  type InternalProblemDocument,
  internalProblemType,
  problemContentType,
} from './internal-api.problem';

type FieldError = { field: string; message: string };

/**
 * Renders an internal route's errors as application/problem+json, the form the gateway relays to its own
 * caller: validation failures list their fields, and a 500 says nothing of its cause beyond an errorId
 * that is logged with it. For services without a problem-details filter of their own (@UseFilters).
 */
@Catch()
export class InternalProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('InternalProblem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = describe(exception);
    const errorId = randomUUID();
    if (problem.status >= 500) {
      this.logger.error({ msg: 'internal call failed', errorId, correlationId: request.id, err: exception });
    }
    void reply
      .status(problem.status)
      .header('content-type', problemContentType)
      .send({ ...problem, instance: request.url, errorId });
  }
}

function describe(exception: unknown): InternalProblemDocument {
  if (exception instanceof InternalApiProblem) return exception.problem;
  if (exception instanceof ZodValidationException) {
    return {
      ...problem(400, 'validation', 'the request does not match its schema'),
      errors: issuesOf(exception.getZodError()).flatMap(fieldErrors),
    };
  }
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    return problem(exception.getStatus(), undefined, exception.message);
  }
  return problem(500, undefined, 'the service could not complete the request; see its log under the errorId');
}

function problem(status: number, slug: string | undefined, detail: string): InternalProblemDocument {
  return { type: internalProblemType(slug), title: STATUS_CODES[status] ?? 'Error', status, detail };
}

interface Issue {
  readonly code?: string;
  readonly path?: readonly PropertyKey[];
  readonly keys?: readonly string[];
  readonly message?: string;
}

/** Duck-typed: nestjs-zod hands over whichever ZodError class the schema's zod build made. */
function issuesOf(error: unknown): readonly Issue[] {
  const issues = (error as { issues?: unknown } | null)?.issues;
  return Array.isArray(issues) ? (issues as Issue[]) : [];
}

function fieldErrors(issue: Issue): FieldError[] {
  const at = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(request)';
  if (issue.code === 'unrecognized_keys') {
    return (issue.keys ?? []).map((key) => ({ field: at([...(issue.path ?? []), key]), message: 'unknown field' }));
  }
  return [{ field: at(issue.path ?? []), message: issue.message ?? 'invalid' }];
}
