import { gatewayConfigSchema, loadConfig } from '@hashproof/config';
import { dataSourceOptions } from '@hashproof/database';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { EnsureAdminUseCase } from './accounts/ensure-admin.usecase';
import { PasswordHasher } from './accounts/password-hasher';
import { RegisterAccountUseCase } from './accounts/register-account.usecase';
import { gatewayDatabase } from './database/gateway-database';

/** Only the database settings: creating an admin needs neither Kafka nor Redis nor the token secret. */
const seedConfigSchema = z.object({
  DATABASE_URL: gatewayConfigSchema.shape.DATABASE_URL,
  ADMIN_PASSWORD: z.string().optional(),
});

const usage = 'usage: seed-admin --email <email>  (password from ADMIN_PASSWORD or the first line of stdin)';

/**
 * The only way an admin account comes to be: `npm run -s seed:admin -- --email a@b.c`. Idempotent: an
 * existing admin is left as it is.
 */
export async function seedAdmin(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  stdin: NodeJS.ReadableStream,
): Promise<string> {
  const email = z.email().safeParse(argv[argv.indexOf('--email') + 1]);
  if (!argv.includes('--email') || !email.success) throw new Error(usage);
  const config = loadConfig('seed-admin', seedConfigSchema, env);
  const password = config.ADMIN_PASSWORD ?? (await firstLine(stdin));
  const dataSource = new DataSource(dataSourceOptions(gatewayDatabase({ ...config, DATABASE_POOL_SIZE: 1 })));
  await dataSource.initialize();
  try {
    const ensureAdmin = new EnsureAdminUseCase(
      dataSource,
      new RegisterAccountUseCase(dataSource, new PasswordHasher()),
    );
    const outcome = await ensureAdmin.execute(email.data, password);
    return outcome === 'created' ? `admin ${email.data} created` : `admin ${email.data} already exists; unchanged`;
  } finally {
    await dataSource.destroy();
  }
}

async function firstLine(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

if (require.main === module) {
  seedAdmin(process.argv.slice(2), process.env, process.stdin).then(
    (message) => process.stdout.write(`${message}\n`),
    (error: unknown) => {
      process.stderr.write(`seed-admin: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
