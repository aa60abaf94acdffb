import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { DomainError } from '../problem-details/domain-error';
import { Account } from './account.entity';
import type { Role } from './role';

export interface AccountFilter {
  readonly role?: Role | undefined;
  readonly emailPrefix?: string | undefined;
}

export type AccountPageRequest =
  | { readonly kind: 'cursor'; readonly limit: number; readonly cursor?: string | undefined }
  | { readonly kind: 'numbered'; readonly page: number; readonly pageSize: number };

export type AccountPage =
  | { readonly kind: 'cursor'; readonly items: Account[]; readonly nextCursor: string | null }
  | {
      readonly kind: 'numbered';
      readonly items: Account[];
      readonly page: number;
      readonly pageSize: number;
      readonly total: number;
    };

export class InvalidCursorError extends DomainError {
  readonly kind = 'invalid';
  readonly type = 'invalid-cursor';

  constructor() {
    super('the cursor is not one this API handed out');
  }
}

/** Accounts oldest first (then by id, so the order is total), filtered by role and email prefix. */
@Injectable()
export class ListAccountsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(filter: AccountFilter, request: AccountPageRequest): Promise<AccountPage> {
    const query = this.filtered(filter).orderBy('account.createdAt', 'ASC').addOrderBy('account.id', 'ASC');
    if (request.kind === 'numbered') {
      const [items, total] = await query
        .skip((request.page - 1) * request.pageSize)
        .take(request.pageSize)
        .getManyAndCount();
      return { kind: 'numbered', items, page: request.page, pageSize: request.pageSize, total };
    }
    if (request.cursor !== undefined) {
      const after = decodeCursor(request.cursor);
      query.andWhere('(account.createdAt, account.id) > (:createdAt, :id)', after);
    }
    const rows = await query.take(request.limit + 1).getMany();
    const items = rows.slice(0, request.limit);
    const last = items.at(-1);
    return { kind: 'cursor', items, nextCursor: rows.length > request.limit && last ? encodeCursor(last) : null };
  }

  private filtered(filter: AccountFilter): SelectQueryBuilder<Account> {
    const query = this.dataSource.getRepository(Account).createQueryBuilder('account');
    if (filter.role) query.andWhere('account.role = :role', { role: filter.role });
    if (filter.emailPrefix) {
      // Served by the lower(email) text_pattern_ops index; LIKE wildcards in the prefix match literally.
      const prefix = filter.emailPrefix.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`);
      query.andWhere(`lower(account.email) LIKE :prefix ESCAPE '\\'`, { prefix: `${prefix}%` });
    }
    return query;
  }
}

function encodeCursor(account: Account): string {
  return Buffer.from(JSON.stringify([account.createdAt.toISOString(), account.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(createdAt));
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(date.getTime())) throw new Error();
    return { createdAt: date, id };
  } catch {
    throw new InvalidCursorError();
  }
}
