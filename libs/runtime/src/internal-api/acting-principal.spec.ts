import { type ActingPrincipal, decodeActingPrincipal, encodeActingPrincipal } from './acting-principal';

describe('the acting principal header', () => {
  it('round-trips every role through base64url JSON', () => {
    for (const role of ['renter', 'provider', 'admin'] as const) {
      const principal: ActingPrincipal = { id: '3c1e5c1a-7b7e-4f0e-9a51-0d3f7c2a9b10', role };
      const encoded = encodeActingPrincipal(principal);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeActingPrincipal(encoded)).toEqual(principal);
    }
  });

  it('encodes only the id and role', () => {
    const withExtras = { id: '3c1e5c1a-7b7e-4f0e-9a51-0d3f7c2a9b10', role: 'admin', email: 'a@b.c' } as ActingPrincipal;
    expect(decodeActingPrincipal(encodeActingPrincipal(withExtras))).toEqual({ id: withExtras.id, role: 'admin' });
  });

  it('refuses oversized values before decoding them', () => {
    expect(decodeActingPrincipal('A'.repeat(1000))).toBeNull();
  });
});
