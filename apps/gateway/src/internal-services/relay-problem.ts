import {
  type InternalApiClient,
  type InternalRequest,
  type InternalResponse,
  InternalServiceUnavailableError,
} from '@hashproof/runtime';
import { HttpStatus } from '@nestjs/common';
import { z } from 'zod';
import { problemType, statusTitle } from '../problem-details/problem-document';
import { RelayedProblem } from '../problem-details/relayed-problem';

/** What a service's problem+json answer must hold to be passed on. */
const serviceProblemSchema = z.object({
  type: z.string().min(1).max(300),
  title: z.string().max(300),
  status: z.number().int(),
  detail: z.string().max(2000),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
});

/**
 * Calls another service and returns its 2xx answer. Anything else is thrown as the problem the gateway's
 * caller gets: see relayedProblem.
 */
export async function requestOrRelay<T>(
  client: InternalApiClient,
  request: InternalRequest,
): Promise<InternalResponse<T>> {
  let answer: InternalResponse<T>;
  try {
    answer = await client.request<T>(request);
  } catch (error) {
    if (error instanceof InternalServiceUnavailableError) throw unavailable(error.service, error.message, error);
    throw error;
  }
  if (answer.status >= 200 && answer.status < 300) return answer;
  throw relayedProblem(client.service, answer);
}

/**
 * A service's non-2xx answer as the gateway's caller sees it: a 4xx problem+json keeps its status, type,
 * detail, field errors and a refused status change's `from`/`to`. A 5xx, a 401 (the service refused the gateway's own token, a deployment
 * fault, not the caller's) and an answer that is no problem document are a 503.
 */
export function relayedProblem(service: string, answer: InternalResponse<unknown>): RelayedProblem {
  const problem = serviceProblemSchema.safeParse(answer.body);
  const why = `${service} answered ${answer.status}${problem.success ? `: ${problem.data.type} ${problem.data.detail}` : ''}`;
  const relayable =
    problem.success &&
    problem.data.status === answer.status &&
    answer.status >= 400 &&
    answer.status < 500 &&
    answer.status !== 401;
  if (!relayable) return unavailable(service, why);
  const { type, detail, errors, from, to } = problem.data;
  return new RelayedProblem(
    {
      type,
      title: statusTitle(answer.status),
      status: answer.status,
      detail,
      ...(errors ? { errors } : {}),
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
    },
    why,
  );
}

function unavailable(service: string, why: string, cause?: unknown): RelayedProblem {
  const status = HttpStatus.SERVICE_UNAVAILABLE;
  return new RelayedProblem(
    {
      type: problemType('service-unavailable'),
      title: statusTitle(status),
      status,
      detail: `the ${service} service is unavailable; try again later`,
    },
    why,
    cause === undefined ? undefined : { cause },
  );
}
