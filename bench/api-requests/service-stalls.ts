/** prom-client's event-loop sampling interval: each sample is this plus how late the timer ran. */
const SAMPLING_INTERVAL_MS = 10;

/**
 * What stalled a service's event loop over a measured run, from its own Prometheus metrics (prom-client's
 * defaults): the event-loop delay it saw, and the time it spent in garbage collection. prom-client resets its
 * event-loop histogram on every scrape, so a scrape right before the run starts the window.
 */
export interface ServiceStalls {
  /** Event-loop delay over the window (ms, beyond the sampling interval): the 99th percentile and the longest. */
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  /** Garbage collection over the window: total pause (ms) and the count of major collections. */
  readonly gcMs: number;
  readonly majorGcs: number;
}

interface Scrape {
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  readonly gcSeconds: number;
  readonly majorGcs: number;
}

/** The value of every sample of a metric (summed over its labels), or of those whose labels include `label`. */
function sampleSum(text: string, metric: string, label = ''): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${metric}{`) && !line.startsWith(`${metric} `)) continue;
    if (label && !line.includes(label)) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

async function scrape(serviceUrl: string): Promise<Scrape> {
  const response = await fetch(`${serviceUrl}/metrics`);
  if (!response.ok) throw new Error(`GET ${serviceUrl}/metrics answered ${response.status}`);
  const text = await response.text();
  return {
    loopDelayP99Ms: sampleSum(text, 'nodejs_eventloop_lag_p99_seconds') * 1000,
    loopDelayMaxMs: sampleSum(text, 'nodejs_eventloop_lag_max_seconds') * 1000,
    gcSeconds: sampleSum(text, 'nodejs_gc_duration_seconds_sum'),
    majorGcs: sampleSum(text, 'nodejs_gc_duration_seconds_count', 'kind="major"'),
  };
}

/** Starts a window on each service (a scrape); the returned function ends it and reads what each saw. */
export async function watchStalls(
  serviceUrls: ReadonlyMap<string, string>,
): Promise<() => Promise<Map<string, ServiceStalls>>> {
  const before = new Map<string, Scrape>();
  for (const [name, url] of serviceUrls) before.set(name, await scrape(url));
  return async () => {
    const stalls = new Map<string, ServiceStalls>();
    for (const [name, url] of serviceUrls) {
      const start = before.get(name) as Scrape;
      const end = await scrape(url);
      stalls.set(name, {
        loopDelayP99Ms: Math.max(0, end.loopDelayP99Ms - SAMPLING_INTERVAL_MS),
        loopDelayMaxMs: Math.max(0, end.loopDelayMaxMs - SAMPLING_INTERVAL_MS),
        gcMs: (end.gcSeconds - start.gcSeconds) * 1000,
        majorGcs: end.majorGcs - start.majorGcs,
      });
    }
    return stalls;
  };
}
