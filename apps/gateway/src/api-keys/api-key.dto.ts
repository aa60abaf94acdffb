import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { ApiKey } from './api-key.entity';

export class CreateApiKeyDto extends createZodDto(
  z.strictObject({ name: z.string().trim().min(1).max(100).describe('what the key is for, e.g. "listing bot"') }),
) {}

export class ApiKeyIdParamsDto extends createZodDto(z.strictObject({ id: z.uuid() })) {}

const apiKeyViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe('the first characters of the key'),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});

export class ApiKeyListDto extends createZodDto(z.object({ items: z.array(apiKeyViewSchema) })) {}

export class CreatedApiKeyDto extends createZodDto(
  apiKeyViewSchema.extend({
    key: z.string().describe('shown only in this response; send it as `Authorization: ApiKey <key>` or `x-api-key`'),
  }),
) {}

export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;

export function apiKeyView(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}
