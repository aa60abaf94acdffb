import { StripeApiError } from '../stripe-error';
import { parseForm } from './form-encoding';
import { Params } from './params';

const params = (body: string) => new Params(parseForm(body));

function errorOf(action: () => unknown): StripeApiError['body'] {
  try {
    action();
  } catch (error) {
    if (error instanceof StripeApiError) return error.body;
    throw error;
  }
  throw new Error('expected a StripeApiError');
}

describe('Params', () => {
  it('reads integers, naming the parameter when one is missing or malformed, as Stripe does', () => {
    expect(params('amount=2000').integer('amount', { required: true })).toBe(2000);
    expect(errorOf(() => params('currency=usd').integer('amount', { required: true }))).toEqual({
      type: 'invalid_request_error',
      code: 'parameter_missing',
      param: 'amount',
      message: 'Missing required param: amount.',
      doc_url: 'https://stripe.com/docs/error-codes/parameter-missing',
    });
    expect(errorOf(() => params('amount=12.5').integer('amount'))).toMatchObject({
      code: 'parameter_invalid_integer',
      param: 'amount',
      message: 'Invalid integer: 12.5',
    });
    expect(errorOf(() => params('amount=0').integer('amount', { minimum: 1 }))).toMatchObject({
      code: 'parameter_invalid_integer',
      message: 'This value must be greater than or equal to 1.',
    });
  });

  it('reads an empty value of a required parameter as missing', () => {
    expect(errorOf(() => params('amount=').integer('amount', { required: true }))).toMatchObject({
      code: 'parameter_missing',
    });
  });

  it('reads booleans and enumerations, listing the allowed values', () => {
    expect(params('enabled=true').boolean('enabled')).toBe(true);
    expect(errorOf(() => params('enabled=yes').boolean('enabled'))).toMatchObject({ param: 'enabled' });
    expect(
      errorOf(() => params('reason=bored').oneOf('reason', ['duplicate', 'fraudulent', 'abandoned'])),
    ).toMatchObject({
      param: 'reason',
      message: 'Invalid reason: must be one of duplicate, fraudulent, or abandoned',
    });
  });

  it('lowercases currencies', () => {
    expect(params('currency=USD').currency('currency')).toBe('usd');
    expect(errorOf(() => params('currency=dollars').currency('currency'))).toMatchObject({ param: 'currency' });
  });

  it('reads metadata, leaving out keys sent empty (unset) and enforcing Stripe limits', () => {
    expect(params('metadata[rentalId]=r1&metadata[gone]=').metadata()).toEqual({ rentalId: 'r1' });
    expect(params('amount=1').metadata()).toEqual({});
    expect(errorOf(() => params(`metadata[${'k'.repeat(41)}]=v`).metadata())).toMatchObject({
      param: `metadata[${'k'.repeat(41)}]`,
    });
    expect(errorOf(() => params(`metadata[k]=${'v'.repeat(501)}`).metadata())).toMatchObject({ param: 'metadata[k]' });
    const tooMany = Array.from({ length: 51 }, (_, index) => `metadata[k${index}]=v`).join('&');
    expect(errorOf(() => params(tooMany).metadata())).toMatchObject({ param: 'metadata' });
  });

  it('reads lists sent either way', () => {
    expect(params('expand[0]=a&expand[1]=b').list('expand')).toEqual(['a', 'b']);
    expect(params('expand[]=a').list('expand')).toEqual(['a']);
    expect(errorOf(() => params('expand[x]=a').list('expand'))).toMatchObject({ param: 'expand' });
  });

  it('refuses parameters the endpoint did not read, nested ones by their full name', () => {
    const top = params('amount=1&confirm=true');
    top.integer('amount');
    expect(errorOf(() => top.rejectUnread())).toMatchObject({
      code: 'parameter_unknown',
      param: 'confirm',
    });
    const nested = params('transfer_data[destination]=acct_1&transfer_data[amount]=5');
    nested.object('transfer_data')?.string('destination');
    expect(errorOf(() => nested.rejectUnread())).toMatchObject({ param: 'transfer_data[amount]' });
  });
});
