import type { Role } from '../accounts/role';

/** Who is calling, and how they proved it. */
export type Principal =
  | { readonly accountId: string; readonly role: Role; readonly via: 'password' }
  | { readonly accountId: string; readonly role: Role; readonly via: 'access-token'; readonly sessionId: string }
  | { readonly accountId: string; readonly role: Role; readonly via: 'api-key'; readonly apiKeyId: string };
