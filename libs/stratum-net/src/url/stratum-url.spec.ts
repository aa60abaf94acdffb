import { parseStratumUrl } from './stratum-url';

describe('parseStratumUrl', () => {
  it('reads host and port', () => {
    expect(parseStratumUrl('stratum+tcp://127.0.0.1:3334')).toEqual({ host: '127.0.0.1', port: 3334 });
    expect(parseStratumUrl('stratum+tcp://pool.example.com:3333/')).toEqual({ host: 'pool.example.com', port: 3333 });
    expect(parseStratumUrl('stratum+tcp://[::1]:3333')).toEqual({ host: '::1', port: 3333 });
  });

  it.each(['http://127.0.0.1:3333', 'stratum+tcp://host', 'stratum+tcp://host:0', 'stratum+tcp://host:70000'])(
    'refuses %s',
    (url) => expect(() => parseStratumUrl(url)).toThrow(/expected a pool URL/),
  );
});
