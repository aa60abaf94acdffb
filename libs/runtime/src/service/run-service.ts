import { loadConfig } from '@hashproof/config';
import { kafkaMicroserviceOptions } from '@hashproof/messaging';
import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { z } from 'zod';
import { runMain } from '../bootstrap/run-main';
import { startService } from '../bootstrap/start-service';
import type { PlatformSettings } from './service-platform.module';

interface ServiceSettings extends PlatformSettings {
  readonly HTTP_HOST: string;
  readonly HTTP_PORT: number;
  readonly SHUTDOWN_TIMEOUT_MS: number;
}

export interface ServiceDefinition<S extends z.ZodType<ServiceSettings>> {
  readonly service: string;
  readonly configSchema: S;
  readonly rootModule: (config: z.output<S>) => DynamicModule;
  readonly configure?: (app: NestFastifyApplication) => void | Promise<void>;
  /** See ServiceStartOptions.rawBody. */
  readonly rawBody?: boolean;
}

/** A service's whole entry point: validated config, then HTTP and Kafka consumption in one process. */
export function runService<S extends z.ZodType<ServiceSettings>>(definition: ServiceDefinition<S>): void {
  runMain(async () => {
    const config = loadConfig(definition.service, definition.configSchema);
    await startService({
      rootModule: definition.rootModule(config),
      host: config.HTTP_HOST,
      port: config.HTTP_PORT,
      shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
      microservice: kafkaMicroserviceOptions(config, definition.service),
      ...(definition.configure ? { configure: definition.configure } : {}),
      ...(definition.rawBody ? { rawBody: true } : {}),
    });
  });
}
