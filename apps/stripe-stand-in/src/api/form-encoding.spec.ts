import { FormEncodingError, parseForm } from './form-encoding';

describe('parseForm', () => {
  it('decodes what the stripe SDK sends for a PaymentIntent: brackets unencoded, values percent-encoded', () => {
    const body =
      'amount=2000&currency=usd&metadata[rentalId]=0b8f5c1e-2f4a&metadata[note]=50%20TH%2Fs%20%26%20more' +
      '&automatic_payment_methods[enabled]=true&description=Rental%20%2342';
    expect(parseForm(body)).toEqual({
      amount: '2000',
      currency: 'usd',
      metadata: { rentalId: '0b8f5c1e-2f4a', note: '50 TH/s & more' },
      automatic_payment_methods: { enabled: 'true' },
      description: 'Rental #42',
    });
  });

  it('reads encoded brackets the same as plain ones', () => {
    expect(parseForm('metadata%5BrentalId%5D=r1')).toEqual({ metadata: { rentalId: 'r1' } });
  });

  it('keeps indexed lists (the SDK sends expand[0]=…) as objects keyed by index, and appends for []', () => {
    expect(parseForm('expand[0]=latest_charge&expand[1]=customer')).toEqual({
      expand: { 0: 'latest_charge', 1: 'customer' },
    });
    expect(parseForm('payment_method_types[]=card&payment_method_types[]=link')).toEqual({
      payment_method_types: ['card', 'link'],
    });
  });

  it('nests several levels deep', () => {
    expect(parseForm('capabilities[transfers][requested]=true&capabilities[card_payments][requested]=false')).toEqual({
      capabilities: { transfers: { requested: 'true' }, card_payments: { requested: 'false' } },
    });
  });

  it('reads + as a space, an empty value as the empty string (Stripe: unset) and a bare key as empty', () => {
    expect(parseForm('description=a+b&metadata[x]=&flag')).toEqual({
      description: 'a b',
      metadata: { x: '' },
      flag: '',
    });
  });

  it('takes a query string with its question mark, and nothing as nothing', () => {
    expect(parseForm('?expand[0]=latest_charge')).toEqual({ expand: { 0: 'latest_charge' } });
    expect(parseForm('')).toEqual({});
  });

  it('lets a later value of a plain parameter win', () => {
    expect(parseForm('amount=1&amount=2')).toEqual({ amount: '2' });
  });

  it('keeps __proto__ as data, never as a prototype', () => {
    const parsed = parseForm('__proto__[polluted]=yes&metadata[__proto__]=x');
    expect(Object.keys(parsed)).toEqual(['__proto__', 'metadata']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a value and a hash under one name', 'metadata=x&metadata[a]=1'],
    ['a hash and a value under one name', 'metadata[a]=1&metadata=x'],
    ['an unclosed bracket', 'metadata[a=1'],
    ['a name that starts with a bracket', '[a]=1'],
    ['a bad percent escape', 'description=%E0%A4%A'],
    ['nesting beyond ten levels', `a${'[b]'.repeat(11)}=1`],
  ])('refuses %s', (_what, body) => {
    expect(() => parseForm(body)).toThrow(FormEncodingError);
  });
});
