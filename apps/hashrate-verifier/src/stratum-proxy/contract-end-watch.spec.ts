import { ContractEndWatch } from './contract-end-watch';
import { InMemoryContractDirectory } from './in-memory-contract.directory';
import { type ContractDirectory } from './proxy-contract';

const upstream = { url: 'stratum+tcp://127.0.0.1:3334', worker: 'renter.1', password: 'x' };

describe('ContractEndWatch', () => {
  const start = new Date('2026-11-24T10:00:00.000Z').getTime();
  let directory: InMemoryContractDirectory;
  let ended: string[];

  beforeEach(() => {
    jest.useFakeTimers({ now: start });
    directory = new InMemoryContractDirectory();
    ended = [];
  });

  afterEach(() => jest.useRealTimers());

  const watchOf = (of: ContractDirectory = directory) => new ContractEndWatch(of, 2_000, Date.now, () => undefined);
  const issue = (credential: string, inMs: number) =>
    directory.issue(credential, { rentalId: credential, upstream, endsAt: new Date(start + inMs) });
  const watch = (target: ContractEndWatch, credential: string, inMs: number) =>
    target.watch(credential, new Date(start + inMs), (reason) => ended.push(`${credential}: ${reason}`));

  it('lets a rig go at the end it was admitted with', () => {
    const target = watchOf();
    issue('a', 5_000);
    watch(target, 'a', 5_000);
    jest.advanceTimersByTime(4_999);
    expect(ended).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(ended).toEqual(['a: contract ended']);
  });

  it('lets a rig go at once when its credential was revoked, and the others keep mining', async () => {
    const target = watchOf();
    issue('a', 60_000);
    issue('b', 60_000);
    watch(target, 'a', 60_000);
    watch(target, 'b', 60_000);
    directory.revoke('a');
    await target.check();
    expect(ended).toEqual(['a: credential revoked']);
    await target.check();
    expect(ended).toEqual(['a: credential revoked']);
  });

  it('follows an end brought forward: at once when it has passed, else when it comes', async () => {
    const target = watchOf();
    issue('past', 60_000);
    issue('soon', 60_000);
    watch(target, 'past', 60_000);
    watch(target, 'soon', 60_000);
    jest.advanceTimersByTime(1_000);
    issue('past', 500);
    issue('soon', 3_000);
    await target.check();
    expect(ended).toEqual(['past: contract ended']);
    jest.advanceTimersByTime(1_999);
    expect(ended).toEqual(['past: contract ended']);
    jest.advanceTimersByTime(1);
    expect(ended).toEqual(['past: contract ended', 'soon: contract ended']);
  });

  it('never postpones an end, and keeps the rigs it knows when the lookup fails', async () => {
    const target = watchOf();
    issue('a', 5_000);
    watch(target, 'a', 5_000);
    issue('a', 50_000);
    await target.check();
    const failing = watchOf({
      findByCredential: () => Promise.resolve(null),
      endsByCredential: () => Promise.reject(new Error('database down')),
    });
    watch(failing, 'b', 10_000);
    await failing.check();
    expect(ended).toEqual([]);
    jest.advanceTimersByTime(5_000);
    expect(ended).toEqual(['a: contract ended']);
    jest.advanceTimersByTime(5_000);
    expect(ended).toEqual(['a: contract ended', 'b: contract ended']);
  });

  it('forgets a rig that left, and looks its credential up once however many rigs share it', async () => {
    const lookups: string[][] = [];
    const target = watchOf({
      findByCredential: () => Promise.resolve(null),
      endsByCredential: (credentials) => {
        lookups.push([...credentials]);
        return directory.endsByCredential(credentials);
      },
    });
    issue('a', 60_000);
    const leave = watch(target, 'a', 60_000);
    watch(target, 'a', 60_000);
    await target.check();
    expect(lookups).toEqual([['a']]);
    leave();
    directory.revoke('a');
    await target.check();
    expect(ended).toEqual(['a: credential revoked']);
  });

  it('looks again on every beat once started', async () => {
    const target = watchOf();
    issue('a', 60_000);
    watch(target, 'a', 60_000);
    target.start();
    directory.revoke('a');
    await jest.advanceTimersByTimeAsync(1_999);
    expect(ended).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(ended).toEqual(['a: credential revoked']);
    await target.stop();
  });
});
