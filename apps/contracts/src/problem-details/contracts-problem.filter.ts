import { InternalApiProblem, InternalProblemFilter } from '@hashproof/runtime';
import { type ArgumentsHost, Catch, HttpStatus } from '@nestjs/common';
import { DomainError, type DomainErrorKind } from './domain-error';

const statusOfKind: Readonly<Record<DomainErrorKind, number>> = {
  invalid: HttpStatus.BAD_REQUEST,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/**
 * The internal routes' problem+json, with contracts' domain errors under their own status and type, which
 * the gateway relays to its caller unchanged.
 */
@Catch()
export class ContractsProblemFilter extends InternalProblemFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    super.catch(exception instanceof DomainError ? problemOf(exception) : exception, host);
  }
}

function problemOf(error: DomainError): InternalApiProblem {
  const problem = new InternalApiProblem(statusOfKind[error.kind], error.type, error.message);
  Object.assign(problem.problem, error.problemExtensions());
  return problem;
}
