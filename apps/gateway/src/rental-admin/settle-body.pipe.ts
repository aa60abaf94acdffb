import { Injectable, type PipeTransform } from '@nestjs/common';
import { validate } from 'nestjs-zod';
import { type SettleRentalBody, settleRentalSchema } from './rental-admin.dto';

/** Settling takes an optional body: none, an empty one or a reason; anything else is a 400 naming the field. */
@Injectable()
export class SettleBodyPipe implements PipeTransform<unknown, SettleRentalBody> {
  transform(body: unknown): SettleRentalBody {
    return validate(body ?? {}, settleRentalSchema);
  }
}
