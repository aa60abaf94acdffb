import { Injectable, type PipeTransform } from '@nestjs/common';
import { validate } from 'nestjs-zod';
import { z } from 'zod';

const noFields = z.strictObject({});

/**
 * For a body or query string a route does not take: none, or an empty one. Any field is refused with the
 * same 400 naming it as an unknown field anywhere else.
 */
@Injectable()
export class NoFieldsPipe implements PipeTransform<unknown, undefined> {
  transform(fields: unknown): undefined {
    validate(fields ?? {}, noFields);
    return undefined;
  }
}
