import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { destination } from 'pino';

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
          pinoHttp: [
            {
              level,
              base: { service },
              messageKey: 'msg',
              customProps: (request) => ({ correlationId: request.id }),
              redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["stripe-signature"]'],
              autoLogging: { ignore: (request) => /^\/(health|metrics)/.test(request.url ?? '') },
            },
            destination({ dest: 1, sync: true }),
          ],
        }),
      ],
    };
  }
}
