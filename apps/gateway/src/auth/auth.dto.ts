import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { maxPasswordLength, minPasswordLength } from '../accounts/password-policy';
import { selfServiceRoles } from '../accounts/role';

const email = z.email().max(254);

export class RegisterDto extends createZodDto(
  z.strictObject({
    email,
    password: z
      .string()
      .min(minPasswordLength)
      .max(maxPasswordLength)
      .describe(`${minPasswordLength} to ${maxPasswordLength} characters, not a commonly used password`),
    role: z.enum(selfServiceRoles).describe('admins are created by the seed command, never by sign-up'),
  }),
) {}

export class LoginDto extends createZodDto(
  z.strictObject({ email, password: z.string().min(1).max(maxPasswordLength) }),
) {}

export class RefreshDto extends createZodDto(z.strictObject({ refreshToken: z.string().min(1).max(200) })) {}

export class TokenPairDto extends createZodDto(
  z.object({
    accessToken: z.string().describe('JWT for `Authorization: Bearer`'),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().describe('seconds until the access token expires'),
    refreshToken: z.string().describe('single use: each refresh returns the next one'),
    refreshExpiresIn: z.number().int().describe('seconds until the refresh token expires'),
  }),
) {}
