import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { accountViewSchema } from './account.dto';
import type { AccountPageRequest } from './list-accounts.usecase';
import { roles } from './role';

const pageSize = z.coerce.number().int().min(1).max(100);

/**
 * Either keyset pagination (`limit`, `cursor`: stable while accounts are added) or numbered pages
 * (`page`, `pageSize`: for admin screens that jump around), never both; filters apply to either.
 */
export const listAccountsQuerySchema = z
  .strictObject({
    limit: pageSize.optional(),
    cursor: z.string().max(200).optional(),
    page: z.coerce.number().int().min(1).max(100_000).optional(),
    pageSize: pageSize.optional(),
    role: z.enum(roles).optional(),
    emailPrefix: z.string().min(1).max(254).optional(),
  })
  .refine(
    (query) =>
      !((query.limit !== undefined || query.cursor !== undefined) && (query.page ?? query.pageSize) !== undefined),
    { message: 'use either limit/cursor or page/pageSize, not both' },
  );

export class ListAccountsQueryDto extends createZodDto(listAccountsQuerySchema) {}

const defaultPageSize = 20;

export function pageRequestOf(query: ListAccountsQueryDto): AccountPageRequest {
  if (query.page === undefined && query.pageSize === undefined) {
    return { kind: 'cursor', limit: query.limit ?? defaultPageSize, cursor: query.cursor };
  }
  return { kind: 'numbered', page: query.page ?? 1, pageSize: query.pageSize ?? defaultPageSize };
}

export class AccountCursorPageDto extends createZodDto(
  z.object({
    items: z.array(accountViewSchema),
    nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last one'),
  }),
) {}

export class AccountNumberedPageDto extends createZodDto(
  z.object({
    items: z.array(accountViewSchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  }),
) {}
