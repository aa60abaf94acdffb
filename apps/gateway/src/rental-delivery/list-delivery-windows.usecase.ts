import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DeliveryWindow } from './delivery-window.entity';
import { FindReadableRentalUseCase } from './find-readable-rental.usecase';
import { decodeWindowCursor, encodeWindowCursor } from './window-cursor';

export interface WindowPageRequest {
  readonly limit: number;
  readonly cursor?: string | undefined;
}

export interface WindowPage {
  readonly items: DeliveryWindow[];
  readonly nextCursor: string | null;
}

/** A rental's closed windows, newest first, by keyset on the window index (stable while windows close). */
@Injectable()
export class ListDeliveryWindowsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readableRental: FindReadableRentalUseCase,
  ) {}

  async execute(caller: Principal, rentalId: string, request: WindowPageRequest): Promise<WindowPage> {
    const before = request.cursor === undefined ? undefined : decodeWindowCursor(request.cursor);
    await this.readableRental.execute(caller, rentalId, this.dataSource.manager);
    const query = this.dataSource
      .getRepository(DeliveryWindow)
      .createQueryBuilder('closed')
      .where('closed.rentalId = :rentalId', { rentalId })
      .orderBy('closed.windowIndex', 'DESC');
    if (before !== undefined) query.andWhere('closed.windowIndex < :before', { before });
    const rows = await query.limit(request.limit + 1).getMany();
    const items = rows.slice(0, request.limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > request.limit && last ? encodeWindowCursor(last.windowIndex) : null };
  }
}
