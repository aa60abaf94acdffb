import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

/** Structured JSON logs: one line per event, with the service name and the request's correlation id. */
@Module({})
export class LoggingModule {
  static forRoot(service: string, level: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level,
            base: { service },
            messageKey: 'msg',
            customProps: (request) => ({ correlationId: request.id }),
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["stripe-signature"]'],
            autoLogging: { ignore: (request) => /^\/(health|metrics)/.test(request.url ?? '') },
          },
        }),
      ],
    };
  }
}
