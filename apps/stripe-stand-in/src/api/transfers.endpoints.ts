import { type FastifyInstance } from 'fastify';
import { type StandInStore } from '../state/stand-in-store';
import { type NewTransfer, type Transfers } from '../state/transfers';
import { checkExpand, expanded, type Expanders } from './expand';
import { type Params } from './params';
import { type EndpointDependencies, registerEndpoint } from './stripe-endpoint';

/** POST /v1/transfers and GET /v1/transfers/:transfer (to connected accounts). */
export function registerTransferEndpoints(
  app: FastifyInstance,
  dependencies: EndpointDependencies,
  transfers: Transfers,
  store: StandInStore,
): void {
  const expanders: Expanders = {
    destination: (id) => store.accounts.get(id),
    source_transaction: (id) => store.charges.get(id),
  };
  registerEndpoint(
    app,
    {
      method: 'POST',
      url: '/v1/transfers',
      validate: (params) => ({ transfer: newTransfer(params), expand: checkExpand(params.list('expand'), expanders) }),
      execute: ({ transfer, expand }, cause) => expanded(transfers.create(transfer, cause), expand, expanders),
    },
    dependencies,
  );
  registerEndpoint(
    app,
    {
      method: 'GET',
      url: '/v1/transfers/:transfer',
      validate: (params, path) => ({ id: path.transfer ?? '', expand: checkExpand(params.list('expand'), expanders) }),
      execute: ({ id, expand }) => expanded(transfers.retrieve(id), expand, expanders),
    },
    dependencies,
  );
}

function newTransfer(params: Params): NewTransfer {
  return {
    amount: params.integer('amount', { required: true, minimum: 1 }) ?? 0,
    currency: params.currency('currency', { required: true }) ?? '',
    destination: params.string('destination', { required: true }) ?? '',
    transferGroup: params.string('transfer_group') ?? null,
    description: params.string('description') ?? null,
    sourceTransaction: params.string('source_transaction') ?? null,
    metadata: params.metadata(),
  };
}
