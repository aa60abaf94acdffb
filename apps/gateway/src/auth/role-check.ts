import type { Role } from '../accounts/role';

/** Whether a caller with `role` may use a route restricted to `allowed`; no restriction means any signed-in role. */
export function roleAllows(role: Role, allowed: readonly Role[]): boolean {
  return allowed.length === 0 || allowed.includes(role);
}
