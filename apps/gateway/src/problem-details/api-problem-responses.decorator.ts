import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDocumentDto, problemContentType, statusTitle } from './problem-document';

/** Documents the error statuses a route answers with, each as application/problem+json. */
export function ApiProblemResponses(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDocumentDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: statusTitle(status),
        content: { [problemContentType]: { schema: { $ref: getSchemaPath(ProblemDocumentDto) } } },
      }),
    ),
  );
}
