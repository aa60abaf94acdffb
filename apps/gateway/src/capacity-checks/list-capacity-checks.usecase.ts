import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CapacityCheck } from './capacity-check.entity';
import { decodeCreationCursor, encodeCreationCursor } from '../paging/creation-cursor';

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
      query.andWhere('(check.createdAt, check.id) < (:createdAt, :id)', decodeCreationCursor(request.cursor));
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
}
