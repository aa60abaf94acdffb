import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Account } from './account.entity';
import { roles } from './role';

export const accountViewSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  role: z.enum(roles),
  createdAt: z.iso.datetime(),
});

export class AccountViewDto extends createZodDto(accountViewSchema) {}

export type AccountView = z.infer<typeof accountViewSchema>;

/** What a caller may see of an account: never the password hash. */
export function accountView(account: Account): AccountView {
  return { id: account.id, email: account.email, role: account.role, createdAt: account.createdAt.toISOString() };
}
