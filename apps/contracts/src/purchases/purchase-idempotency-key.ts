import { InternalApiProblem } from '@hashproof/runtime';
import { idempotencyKeySchema } from './rental.dto';

/** The Idempotency-Key header as the purchase takes it: absent is null, malformed is a 400. */
export function purchaseIdempotencyKey(header: string | undefined): string | null {
  if (header === undefined) return null;
  const parsed = idempotencyKeySchema.safeParse(header);
  if (!parsed.success) {
    throw new InternalApiProblem(400, 'invalid-idempotency-key', 'Idempotency-Key: 1–255 visible ASCII characters');
  }
  return parsed.data;
}
