import { z } from 'zod';

/** The key of every capacity event: one provider's checks stay ordered on one partition. */
export const providerKey = z.object({ providerId: z.uuid() });

export const byProviderId = (key: z.output<typeof providerKey>): string => key.providerId;
