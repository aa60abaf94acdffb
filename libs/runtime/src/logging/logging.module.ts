import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { destination } from 'pino';
import { requestLogOptions } from './request-log';

/** Structured JSON logs: one line per event, with the service name and the request's correlation id. */
@Module({})
export class LoggingModule {
  static forRoot(service: string, level: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          // Synchronous stdout: Nest ends a graceful shutdown by re-raising the signal, and an asynchronous
          // buffer would lose the last lines, exactly the ones that tell how a pod stopped.
          pinoHttp: [requestLogOptions(service, level), destination({ dest: 1, sync: true })],
        }),
      ],
    };
  }
}
