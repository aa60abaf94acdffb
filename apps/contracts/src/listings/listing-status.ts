export const listingStatuses = ['draft', 'live', 'paused', 'retired'] as const;

export type ListingStatus = (typeof listingStatuses)[number];
