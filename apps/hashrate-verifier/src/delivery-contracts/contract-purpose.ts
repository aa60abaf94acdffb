/** What a measured contract is for: a renter's rental, or a provider proving the hash rate it means to list. */
export const contractPurposes = ['rental', 'capacity-check'] as const;

export type ContractPurpose = (typeof contractPurposes)[number];

/**
 * Window-closed and flag events are about rentals: renters' read models and admins consume them. A capacity
 * check has no renter, so its windows and flags stay in this schema as evidence and only its outcome is
 * published (capacity.check-completed).
 */
export function publishesDeliveryEvents(purpose: ContractPurpose): boolean {
  return purpose === 'rental';
}
