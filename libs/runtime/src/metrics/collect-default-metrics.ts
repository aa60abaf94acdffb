import { collectDefaultMetrics, register } from 'prom-client';

let collecting = false;

/** Process metrics (event loop lag, heap, GC, handles) labelled with the service, once per process. */
export function collectServiceMetrics(service: string): void {
  if (collecting) return;
  collecting = true;
  register.setDefaultLabels({ service });
  collectDefaultMetrics();
}
