import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodValidationException } from 'nestjs-zod';
import { throwError } from 'rxjs';
import type { z } from 'zod';
import { DomainError, type DomainErrorKind } from './domain-error';
import {
  type FieldError,
  type ProblemDocument,
  problemContentType,
  problemType,
  statusTitle,
} from './problem-document';
import { RelayedProblem } from './relayed-problem';

const statusOfKind: Readonly<Record<DomainErrorKind, number>> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
};

type Problem = Omit<ProblemDocument, 'instance' | 'errorId'>;

/**
 * Every HTTP error leaves as application/problem+json with an error id. Validation failures list their
 * fields; a 500 says nothing about its cause to the caller, and its id is logged with the stack.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost) {
    // Kafka handlers inherit global filters in the hybrid app; hand their errors back to the transport untouched.
    if (host.getType() !== 'http') return throwError(() => exception);
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const errorId = randomUUID();
    const problem = describe(exception);
    if (problem.status >= 500) {
      // One object: nestjs-pino logs it as fields, and pino's err serializer keeps the stack.
      this.logger.error({ msg: 'request failed unexpectedly', errorId, correlationId: request.id, err: exception });
    }
    const document: ProblemDocument = { ...problem, instance: request.url, errorId };
    // RFC 9110 §11.6.1: a 401 names the ways to authenticate.
    if (problem.status === 401) void reply.header('www-authenticate', 'Bearer, ApiKey');
    void reply.status(problem.status).header('content-type', problemContentType).send(document);
    return undefined;
  }
}

function describe(exception: unknown): Problem {
  if (exception instanceof ZodValidationException) return validationProblem(exception.getZodError());
  if (exception instanceof RelayedProblem) return exception.problem;
  if (exception instanceof DomainError) {
    const status = statusOfKind[exception.kind];
    return { type: problemType(exception.type), title: statusTitle(status), status, detail: exception.message };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status >= 500) return internalProblem(status);
    return { type: problemType(undefined), title: statusTitle(status), status, detail: httpDetail(exception) };
  }
  return internalProblem(HttpStatus.INTERNAL_SERVER_ERROR);
}

function validationProblem(error: unknown): Problem {
  return {
    type: problemType('validation'),
    title: statusTitle(HttpStatus.BAD_REQUEST),
    status: HttpStatus.BAD_REQUEST,
    detail: 'the request does not match its schema',
    errors: issuesOf(error).flatMap(fieldErrors),
  };
}

/** Duck-typed: nestjs-zod hands over whichever ZodError class the schema's zod build made. */
function issuesOf(error: unknown): readonly z.core.$ZodIssue[] {
  const issues = (error as { issues?: unknown } | null)?.issues;
  return Array.isArray(issues) ? (issues as z.core.$ZodIssue[]) : [];
}

function fieldErrors(issue: z.core.$ZodIssue): FieldError[] {
  const at = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(request)';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ field: at([...issue.path, key]), message: 'unknown field' }));
  }
  return [{ field: at(issue.path), message: issue.message }];
}

function internalProblem(status: number): Problem {
  return {
    type: problemType(undefined),
    title: statusTitle(status),
    status,
    detail: 'the server could not complete the request; quote the errorId when reporting it',
  };
}

/** Nest's built-in exceptions carry `{ message }`, where message may be a list. */
function httpDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : exception.message;
}
