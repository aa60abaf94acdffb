import { z } from 'zod';

/** The key of every event about one rental: its events stay ordered on one partition. */
export const rentalKey = z.object({ rentalId: z.uuid() });

export const byRentalId = (key: z.output<typeof rentalKey>): string => key.rentalId;
