import { roles } from '../accounts/role';
import { roleAllows } from './role-check';

describe('role check', () => {
  it('lets only admins through an admin route', () => {
    expect(roles.filter((role) => roleAllows(role, ['admin']))).toEqual(['admin']);
  });

  it('allows any of several roles', () => {
    expect(roles.filter((role) => roleAllows(role, ['provider', 'admin']))).toEqual(['provider', 'admin']);
  });

  it('leaves a route without @Roles open to every signed-in role', () => {
    expect(roles.every((role) => roleAllows(role, []))).toBe(true);
  });
});
