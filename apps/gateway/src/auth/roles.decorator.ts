import { SetMetadata } from '@nestjs/common';
import type { Role } from '../accounts/role';

export const ROLES_KEY = 'hashproof:roles';

/** Restricts a route or controller to these roles; enforced by RolesGuard after authentication. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
