import { stripeHostOf } from './stripe-client';

describe('where the Stripe SDK sends its requests', () => {
  it('to api.stripe.com, the SDK’s default, when no URL is configured', () => {
    expect(stripeHostOf(undefined)).toBeUndefined();
  });

  it('to the local stand-in over http', () => {
    expect(stripeHostOf('http://127.0.0.1:12111')).toEqual({ host: '127.0.0.1', port: 12111, protocol: 'http' });
  });

  it('with the scheme’s port when none is named, and IPv6 hosts without brackets', () => {
    expect(stripeHostOf('https://stripe.internal')).toEqual({ host: 'stripe.internal', port: 443, protocol: 'https' });
    expect(stripeHostOf('http://[::1]:12111/')).toEqual({ host: '::1', port: 12111, protocol: 'http' });
  });
});
