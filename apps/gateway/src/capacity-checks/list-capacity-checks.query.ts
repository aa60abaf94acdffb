import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { capacityCheckViewSchema } from './capacity-check.dto';
import type { CapacityCheckPageRequest } from './list-capacity-checks.usecase';

const pageSize = z.coerce.number().int().min(1).max(100);

/** Keyset pagination (`limit`, `cursor`) or numbered pages (`page`, `pageSize`), never both; as for accounts. */
export class ListCapacityChecksQueryDto extends createZodDto(
  z
    .strictObject({
      limit: pageSize.optional(),
      cursor: z.string().max(200).optional(),
      page: z.coerce.number().int().min(1).max(100_000).optional(),
      pageSize: pageSize.optional(),
    })
    .refine(
      (query) =>
        !((query.limit !== undefined || query.cursor !== undefined) && (query.page ?? query.pageSize) !== undefined),
      { message: 'use either limit/cursor or page/pageSize, not both' },
    ),
) {}

const defaultPageSize = 20;

export function pageRequestOf(query: ListCapacityChecksQueryDto): CapacityCheckPageRequest {
  if (query.page === undefined && query.pageSize === undefined) {
    return { kind: 'cursor', limit: query.limit ?? defaultPageSize, cursor: query.cursor };
  }
  return { kind: 'numbered', page: query.page ?? 1, pageSize: query.pageSize ?? defaultPageSize };
}

export class CapacityCheckCursorPageDto extends createZodDto(
  z.object({
    items: z.array(capacityCheckViewSchema),
    nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last one'),
  }),
) {}

export class CapacityCheckNumberedPageDto extends createZodDto(
  z.object({
    items: z.array(capacityCheckViewSchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  }),
) {}
