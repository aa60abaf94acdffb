import { type FastifyInstance } from 'fastify';
import { found, type StandInStore } from '../state/stand-in-store';
import { resourceMissing } from '../stripe-error';
import { type EventLog } from '../webhooks/event-log';
import { type EndpointDependencies, registerEndpoint } from './stripe-endpoint';

/** GET /v1/charges/:charge and GET /v1/events/:id: reading back what the other endpoints created. */
export function registerLookupEndpoints(
  app: FastifyInstance,
  dependencies: EndpointDependencies,
  store: StandInStore,
  events: EventLog,
): void {
  registerEndpoint(
    app,
    {
      method: 'GET',
      url: '/v1/charges/:charge',
      validate: (_params, path) => path.charge ?? '',
      execute: (id) => found(store.charges, id, { object: 'charge', param: 'charge' }),
    },
    dependencies,
  );
  registerEndpoint(
    app,
    {
      method: 'GET',
      url: '/v1/events/:id',
      validate: (_params, path) => path.id ?? '',
      execute: (id) => {
        const record = events.get(id);
        if (!record) throw resourceMissing('event', id, 'id');
        return events.current(record);
      },
    },
    dependencies,
  );
}
