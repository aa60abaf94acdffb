import { LiveListingPages } from './live-listing-pages';

interface Page {
  readonly id: string;
  readonly status: string;
  readonly version: number;
}

describe('live listings’ pages', () => {
  let clock = 0;
  const now = () => clock;
  let loads = 0;
  const page = (id: string, status: string, version = 1): Page => ({ id, status, version });
  const loader = (answer: Page) => () => {
    loads += 1;
    return Promise.resolve(answer);
  };

  beforeEach(() => {
    clock = 1_000;
    loads = 0;
  });

  it('answers a live page from what it keeps until the time to live has passed, then loads it again', async () => {
    const pages = new LiveListingPages<Page>(1_000, 10, now);
    expect(await pages.load('a', loader(page('a', 'live', 1)))).toEqual(page('a', 'live', 1));
    clock += 999;
    expect(await pages.load('a', loader(page('a', 'live', 2)))).toEqual(page('a', 'live', 1));
    clock += 1;
    expect(await pages.load('a', loader(page('a', 'live', 3)))).toEqual(page('a', 'live', 3));
    expect(loads).toBe(2);
  });

  it('never keeps a page that is not live: each caller’s own rights decide it', async () => {
    const pages = new LiveListingPages<Page>(1_000, 10, now);
    expect(await pages.load('a', loader(page('a', 'draft')))).toEqual(page('a', 'draft'));
    expect(await pages.load('a', loader(page('a', 'paused')))).toEqual(page('a', 'paused'));
    expect(loads).toBe(2);
  });

  it('does not let concurrent callers share a request: each loads with its own rights until a live page is kept', async () => {
    const pages = new LiveListingPages<Page>(1_000, 10, now);
    let release: (answer: Page) => void = () => undefined;
    const slow = new Promise<Page>((resolve) => (release = resolve));
    const first = pages.load('a', () => slow);
    const second = pages.load('a', loader(page('a', 'draft')));
    expect(await second).toEqual(page('a', 'draft'));
    release(page('a', 'live'));
    expect(await first).toEqual(page('a', 'live'));
    expect(await pages.load('a', loader(page('a', 'live', 9)))).toEqual(page('a', 'live'));
  });

  it('forgets a listing’s page once a change to it is answered, whether it succeeded or not', async () => {
    const pages = new LiveListingPages<Page>(1_000, 10, now);
    await pages.load('a', loader(page('a', 'live', 1)));
    await pages.load('b', loader(page('b', 'live', 1)));
    await pages.changing(Promise.resolve('paused'), 'a');
    expect(await pages.load('a', loader(page('a', 'live', 2)))).toEqual(page('a', 'live', 2));
    await expect(pages.changing(Promise.reject(new Error('refused')), 'a')).rejects.toThrow('refused');
    expect(await pages.load('a', loader(page('a', 'live', 3)))).toEqual(page('a', 'live', 3));
    expect(await pages.load('b', loader(page('b', 'live', 2)))).toEqual(page('b', 'live', 1));
  });

  it('forgets the page its answer names, and every page when the change failed without naming one', async () => {
    const pages = new LiveListingPages<Page>(1_000, 10, now);
    await pages.load('a', loader(page('a', 'live', 1)));
    await pages.load('b', loader(page('b', 'live', 1)));
    await pages.changing(Promise.resolve({ listingId: 'a' }), (rental) => rental.listingId);
    expect(await pages.load('a', loader(page('a', 'live', 2)))).toEqual(page('a', 'live', 2));
    expect(await pages.load('b', loader(page('b', 'live', 2)))).toEqual(page('b', 'live', 1));

    const failed = pages.changing(
      Promise.reject(new Error('timed out')),
      (rental: { listingId: string }) => rental.listingId,
    );
    await expect(failed).rejects.toThrow('timed out');
    expect(await pages.load('a', loader(page('a', 'live', 3)))).toEqual(page('a', 'live', 3));
    expect(await pages.load('b', loader(page('b', 'live', 3)))).toEqual(page('b', 'live', 3));
  });

  it('forgets every page after a change that names no listing', async () => {
    const pages = new LiveListingPages<Page>(1_000, 10, now);
    await pages.load('a', loader(page('a', 'live', 1)));
    await pages.changing(Promise.resolve({ rentalId: 'r' }));
    expect(await pages.load('a', loader(page('a', 'live', 2)))).toEqual(page('a', 'live', 2));
  });

  it('does not keep a page that was loading while a change was answered: it may predate the change', async () => {
    const pages = new LiveListingPages<Page>(1_000, 10, now);
    let release: (answer: Page) => void = () => undefined;
    const loading = pages.load('a', () => new Promise<Page>((resolve) => (release = resolve)));
    await pages.changing(Promise.resolve({}), 'b');
    release(page('a', 'live', 1));
    expect(await loading).toEqual(page('a', 'live', 1));
    expect(await pages.load('a', loader(page('a', 'live', 2)))).toEqual(page('a', 'live', 2));
  });

  it('keeps at most its capacity, the oldest going first', async () => {
    const pages = new LiveListingPages<Page>(1_000, 2, now);
    for (const id of ['a', 'b', 'c']) await pages.load(id, loader(page(id, 'live')));
    loads = 0;
    await pages.load('c', loader(page('c', 'live', 2)));
    await pages.load('b', loader(page('b', 'live', 2)));
    expect(loads).toBe(0);
    expect(await pages.load('a', loader(page('a', 'live', 2)))).toEqual(page('a', 'live', 2));
    expect(loads).toBe(1);
  });
});
