import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidCursorError } from '../accounts/list-accounts.usecase';
import { CapacityCheck } from './capacity-check.entity';

export type CapacityCheckPageRequest =
  | { readonly kind: 'cursor'; readonly limit: number; readonly cursor?: string | undefined }
  | { readonly kind: 'numbered'; readonly page: number; readonly pageSize: number };

export type CapacityCheckPage =
  | { readonly kind: 'cursor'; readonly items: CapacityCheck[]; readonly nextCursor: string | null }
  | {
      readonly kind: 'numbered';
      readonly items: CapacityCheck[];
      readonly page: number;
      readonly pageSize: number;
      readonly total: number;
    };

/** A provider's own checks, newest first (then by id, so the order is total). */
@Injectable()
export class ListCapacityChecksUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(providerId: string, request: CapacityCheckPageRequest): Promise<CapacityCheckPage> {
    const query = this.dataSource
      .getRepository(CapacityCheck)
      .createQueryBuilder('check')
      .where('check.providerId = :providerId', { providerId })
      .orderBy('check.createdAt', 'DESC')
      .addOrderBy('check.id', 'DESC');
    if (request.kind === 'numbered') {
      const [items, total] = await query
        .skip((request.page - 1) * request.pageSize)
        .take(request.pageSize)
        .getManyAndCount();
      return { kind: 'numbered', items, page: request.page, pageSize: request.pageSize, total };
    }
    if (request.cursor !== undefined) {
      query.andWhere('(check.createdAt, check.id) < (:createdAt, :id)', decodeCursor(request.cursor));
    }
    const rows = await query.take(request.limit + 1).getMany();
    const items = rows.slice(0, request.limit);
    const last = items.at(-1);
    return { kind: 'cursor', items, nextCursor: rows.length > request.limit && last ? encodeCursor(last) : null };
  }
}

function encodeCursor(check: CapacityCheck): string {
  return Buffer.from(JSON.stringify([check.createdAt.toISOString(), check.id])).toString('base64url');
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
