import { type FastifyInstance } from 'fastify';
import {
  type AccountType,
  type BusinessType,
  CAPABILITY_NAMES,
  type CapabilityName,
  type ConnectedAccounts,
  type NewAccount,
} from '../state/accounts';
import { invalidParam } from '../stripe-error';
import { type Params } from './params';
import { type EndpointDependencies, registerEndpoint } from './stripe-endpoint';

const ACCOUNT_TYPES: readonly AccountType[] = ['custom', 'express', 'standard'];
const BUSINESS_TYPES: readonly BusinessType[] = ['company', 'government_entity', 'individual', 'non_profit'];

/** POST /v1/accounts and GET /v1/accounts/:account (connected accounts). */
export function registerAccountEndpoints(
  app: FastifyInstance,
  dependencies: EndpointDependencies,
  accounts: ConnectedAccounts,
): void {
  registerEndpoint(
    app,
    {
      method: 'POST',
      url: '/v1/accounts',
      validate: (params) => newAccount(params),
      execute: (input) => accounts.create(input),
    },
    dependencies,
  );
  registerEndpoint(
    app,
    {
      method: 'GET',
      url: '/v1/accounts/:account',
      validate: (_params, path) => path.account ?? '',
      execute: (id) => accounts.retrieve(id),
    },
    dependencies,
  );
}

function newAccount(params: Params): NewAccount {
  const type = params.oneOf('type', ACCOUNT_TYPES, { required: true }) ?? 'express';
  const country = params.string('country') ?? 'US';
  if (!/^[A-Za-z]{2}$/.test(country)) throw invalidParam('country', `Invalid country: ${country}`);
  return {
    type,
    country: country.toUpperCase(),
    email: params.string('email') ?? null,
    businessType: params.oneOf('business_type', BUSINESS_TYPES) ?? null,
    requestedCapabilities: requestedCapabilities(params),
    metadata: params.metadata(),
  };
}

/** `capabilities[transfers][requested]=true`; a capability the stand-in does not model is an unknown parameter. */
function requestedCapabilities(params: Params): CapabilityName[] {
  const capabilities = params.object('capabilities');
  if (!capabilities) return [];
  return CAPABILITY_NAMES.filter(
    (name) => capabilities.object(name)?.boolean('requested', { required: true }) === true,
  );
}
