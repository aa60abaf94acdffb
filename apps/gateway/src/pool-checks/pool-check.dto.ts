import { stratumPoolUrl } from '@hashproof/events';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** The body of POST /v1/pool-checks: the pool and login a rental would mine to. */
export class RunPoolCheckDto extends createZodDto(
  z.strictObject({
    url: stratumPoolUrl.describe('the pool, stratum+tcp://host:port (IPv6 hosts in brackets)'),
    worker: z.string().min(1).max(256).describe('the worker name the pool should accept'),
    password: z.string().max(256).default('x').describe('the worker password; `x` unless given'),
  }),
) {}

export const poolCheckFailureReasons = [
  'unreachable',
  'refused-worker',
  'extranonce2-too-small',
  'no-notify',
  'protocol-error',
  'forbidden-address',
] as const;

const passedSchema = z.object({
  ok: z.literal(true),
  extranonce2Size: z.number().int().describe('bytes of extranonce2 the pool leaves to miners; at least 4'),
  difficulty: z.number().describe('the share difficulty the pool set (or the stratum default of 1)'),
});

const failedSchema = z.object({
  ok: z.literal(false),
  reason: z
    .enum(poolCheckFailureReasons)
    .describe(
      '`unreachable`: no connection (or a host that does not resolve); `refused-worker`: the pool did not ' +
        'authorize the worker; `extranonce2-too-small`: under 4 bytes, too few for the rigs; `no-notify`: no ' +
        'job within the time allowed; `protocol-error`: answers that break Stratum V1; `forbidden-address`: ' +
        'the host is on a private, loopback or link-local network',
    ),
  detail: z.string().describe('what exactly failed, for a person to read'),
});

/** The verifier's answer, checked before it is passed on. */
export const poolCheckResultSchema = z.discriminatedUnion('ok', [passedSchema, failedSchema]);

export type PoolCheckResult = z.infer<typeof poolCheckResultSchema>;

export class PoolCheckPassedDto extends createZodDto(passedSchema) {}

export class PoolCheckFailedDto extends createZodDto(failedSchema) {}
