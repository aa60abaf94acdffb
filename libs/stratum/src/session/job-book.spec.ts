import { smallNotification } from '../testing/small-job';
import { JobBook } from './job-book';
import { PreparedJob } from './prepared-job';

const context = { extranonce1: Buffer.from('f000000f', 'hex'), extranonce2Size: 4, difficulty: 1 };
const job = (jobId: string, cleanJobs = false) => new PreparedJob(smallNotification(jobId, cleanJobs), context);
const reasonFor = (book: JobBook, jobId: string) => {
  const lookup = book.lookup(jobId);
  return 'reason' in lookup ? lookup.reason : 'live';
};

describe('JobBook', () => {
  it('finds a live job by id', () => {
    const book = new JobBook();
    const first = job('a');
    book.add(first);
    expect(book.lookup('a')).toEqual({ job: first, seenShares: new Set() });
  });

  it('answers unknown-job for an id it never saw', () => {
    const book = new JobBook();
    book.add(job('a'));
    expect(reasonFor(book, 'b')).toBe('unknown-job');
  });

  it('retires every earlier job on clean_jobs: their shares are stale', () => {
    const book = new JobBook();
    book.add(job('a'));
    book.add(job('b'));
    book.add(job('c', true));
    expect([reasonFor(book, 'a'), reasonFor(book, 'b'), reasonFor(book, 'c')]).toEqual(['stale', 'stale', 'live']);
    expect(book.size).toBe(1);
  });

  it('keeps earlier jobs live when clean_jobs is false', () => {
    const book = new JobBook();
    for (const id of ['a', 'b', 'c']) book.add(job(id));
    expect(['a', 'b', 'c'].map((id) => reasonFor(book, id))).toEqual(['live', 'live', 'live']);
  });

  it('expires the oldest job once more than maxLiveJobs newer ones are live', () => {
    const book = new JobBook(3);
    for (const id of ['a', 'b', 'c']) book.add(job(id));
    expect(reasonFor(book, 'a')).toBe('live');
    book.add(job('d'));
    expect(['a', 'b', 'c', 'd'].map((id) => reasonFor(book, id))).toEqual(['stale', 'live', 'live', 'live']);
    book.add(job('e'));
    expect(reasonFor(book, 'b')).toBe('stale');
    expect(book.size).toBe(3);
  });

  it('forgets the oldest retired ids beyond maxRetiredIds: they become unknown-job', () => {
    const book = new JobBook(1, 2);
    for (const id of ['a', 'b', 'c', 'd']) book.add(job(id));
    expect(['a', 'b', 'c', 'd'].map((id) => reasonFor(book, id))).toEqual(['unknown-job', 'stale', 'stale', 'live']);
  });

  it('makes a re-sent job id live again, replacing the old job', () => {
    const book = new JobBook();
    book.add(job('a'));
    book.add(job('b', true));
    const resent = job('a');
    book.add(resent);
    expect(book.lookup('a')).toEqual({ job: resent, seenShares: new Set() });
  });

  it('remembers seen shares across a re-sent job id, so an old share is still a duplicate', () => {
    const book = new JobBook();
    book.add(job('a'));
    const first = book.lookup('a');
    if ('reason' in first) throw new Error('expected a live job');
    first.seenShares.add('share-1');
    book.add(job('a'));
    const again = book.lookup('a');
    expect('seenShares' in again && again.seenShares.has('share-1')).toBe(true);
  });

  it('bounds the duplicate memory by the live and retired job limits on a long connection', () => {
    const book = new JobBook(2, 3);
    for (let i = 0; i < 1_000; i += 1) book.add(job(`job-${i}`, i % 7 === 0));
    expect(book.rememberedJobIds).toBeLessThanOrEqual(5);
    expect(reasonFor(book, 'job-0')).toBe('unknown-job');
  });
});
