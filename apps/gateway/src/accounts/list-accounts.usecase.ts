import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { Account } from './account.entity';
import type { Role } from './role';
import { decodeCreationCursor, encodeCreationCursor } from '../paging/creation-cursor';

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
      const after = decodeCreationCursor(request.cursor);
      query.andWhere('(account.createdAt, account.id) > (:createdAt, :id)', after);
    }
    const rows = await query.take(request.limit + 1).getMany();
    const items = rows.slice(0, request.limit);
    const last = items.at(-1);
    return {
      kind: 'cursor',
      items,
      nextCursor: rows.length > request.limit && last ? encodeCreationCursor(last) : null,
    };
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
