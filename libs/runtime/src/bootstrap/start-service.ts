import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import { correlationIdOf, echoCorrelationId } from '../logging/correlation-id';

export interface ServiceStartOptions {
  readonly rootModule: Parameters<typeof NestFactory.create>[0];
  readonly host: string;
  readonly port: number;
  readonly shutdownTimeoutMs: number;
  /** Kafka consumption; Nest's transport runs beside HTTP and inherits its global pipes and filters. */
  readonly microservice?: MicroserviceOptions;
  readonly configure?: (app: NestFastifyApplication) => void | Promise<void>;
  /** Keeps each JSON body's bytes as `request.rawBody` too (signed webhooks are verified over them). */
  readonly rawBody?: boolean;
}

/**
 * Boots a service as a hybrid HTTP + Kafka app. SIGTERM/SIGINT close it in order (consumers stop and
 * commit, in-flight work finishes, connections close); a hung shutdown is cut off after the timeout.
 */
export async function startService(options: ServiceStartOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    options.rootModule,
    new FastifyAdapter({ genReqId: correlationIdOf }),
    {
      bufferLogs: true,
      rawBody: options.rawBody ?? false,
    },
  );
  app.useLogger(app.get(Logger));
  echoCorrelationId(app.getHttpAdapter().getInstance());
  app.useGlobalPipes(new ZodValidationPipe());
  app.enableShutdownHooks();
  forceExitAfter(options.shutdownTimeoutMs);
  await options.configure?.(app);
  if (options.microservice) {
    app.connectMicroservice(options.microservice, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  await app.listen(options.port, options.host);
  return app;
}

function forceExitAfter(timeoutMs: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(`shutdown took longer than ${timeoutMs} ms; exiting\n`);
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}
