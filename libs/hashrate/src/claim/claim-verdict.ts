export type ClaimVerdict = 'ok' | 'under-delivery' | 'insufficient-data';
