import { Inject, Injectable, type PipeTransform } from '@nestjs/common';
import { validate } from 'nestjs-zod';
import { type CapacityCheckRequest, capacityCheckRequestSchema } from './capacity-check.dto';
import { CAPACITY_CHECK_SETTINGS, type CapacityCheckSettings } from './capacity-check-settings';

/**
 * Validates a capacity-check request against the configured duration bounds, which a DTO class fixed at
 * build time cannot know; failures are the same 400 naming each field as any other body's.
 */
@Injectable()
export class CapacityCheckRequestPipe implements PipeTransform<unknown, CapacityCheckRequest> {
  private readonly schema: ReturnType<typeof capacityCheckRequestSchema>;

  constructor(@Inject(CAPACITY_CHECK_SETTINGS) settings: CapacityCheckSettings) {
    this.schema = capacityCheckRequestSchema(settings);
  }

  transform(body: unknown): CapacityCheckRequest {
    return validate(body, this.schema);
  }
}
