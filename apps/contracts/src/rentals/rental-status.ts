export const rentalStatuses = [
  'pending_payment',
  'active',
  'completed',
  'cancelled',
  'disputed',
  'terminated',
  'settled',
] as const;

export type RentalStatus = (typeof rentalStatuses)[number];
