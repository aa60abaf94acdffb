/** Runs `work` for at least `seconds` and returns operations per second. */
export function perSecond(work: (i: number) => void, seconds = 2): number {
  for (let i = 0; i < 2000; i++) work(i); // warm-up so the optimizer settles
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  let done = 0;
  while (process.hrtime.bigint() - start < budget) {
    for (let i = 0; i < 1000; i++) work(done++);
  }
  return done / (Number(process.hrtime.bigint() - start) / 1e9);
}
