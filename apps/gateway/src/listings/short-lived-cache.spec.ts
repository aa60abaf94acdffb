import { ShortLivedCache } from './short-lived-cache';

describe('a short-lived cache', () => {
  let clock = 0;
  const now = () => clock;
  const loads: string[] = [];
  const loader = (answer: string) => () => {
    loads.push(answer);
    return Promise.resolve(answer);
  };

  beforeEach(() => {
    clock = 1_000;
    loads.length = 0;
  });

  it('answers from what it keeps until the time to live has passed, then asks again', async () => {
    const cache = new ShortLivedCache<string>(1_000, 10, now);
    expect(await cache.get('usd', loader('first'))).toBe('first');
    clock += 999;
    expect(await cache.get('usd', loader('second'))).toBe('first');
    clock += 1;
    expect(await cache.get('usd', loader('third'))).toBe('third');
    expect(loads).toEqual(['first', 'third']);
  });

  it('keeps each key apart', async () => {
    const cache = new ShortLivedCache<string>(1_000, 10, now);
    expect(await cache.get('usd', loader('dollars'))).toBe('dollars');
    expect(await cache.get('eur', loader('euros'))).toBe('euros');
    expect(await cache.get('usd', loader('again'))).toBe('dollars');
  });

  it('lets concurrent callers of one key share one request', async () => {
    const cache = new ShortLivedCache<string>(1_000, 10, now);
    let answer: (value: string) => void = () => undefined;
    const pending = new Promise<string>((resolve) => (answer = resolve));
    let requests = 0;
    const load = () => {
      requests += 1;
      return pending;
    };
    const callers = [cache.get('usd', load), cache.get('usd', load), cache.get('usd', load)];
    answer('shared');
    expect(await Promise.all(callers)).toEqual(['shared', 'shared', 'shared']);
    expect(requests).toBe(1);
  });

  it('keeps no failure: the next caller asks again', async () => {
    const cache = new ShortLivedCache<string>(1_000, 10, now);
    await expect(cache.get('usd', () => Promise.reject(new Error('contracts is unavailable')))).rejects.toThrow(
      'contracts is unavailable',
    );
    expect(await cache.get('usd', loader('recovered'))).toBe('recovered');
  });

  it('keeps at most its capacity, letting the oldest go', async () => {
    const cache = new ShortLivedCache<string>(1_000, 2, now);
    await cache.get('a', loader('a1'));
    await cache.get('b', loader('b1'));
    await cache.get('c', loader('c1'));
    expect(await cache.get('b', loader('b2'))).toBe('b1');
    expect(await cache.get('c', loader('c2'))).toBe('c1');
    expect(await cache.get('a', loader('a2'))).toBe('a2');
  });
});
