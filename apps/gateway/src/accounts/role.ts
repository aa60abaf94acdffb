export const roles = ['renter', 'provider', 'admin'] as const;

export type Role = (typeof roles)[number];

/** Roles anyone may give themselves at sign-up; admins come only from the seed command. */
export const selfServiceRoles = ['renter', 'provider'] as const satisfies readonly Role[];
