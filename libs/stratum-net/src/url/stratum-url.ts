export interface StratumEndpoint {
  readonly host: string;
  readonly port: number;
}

const STRATUM_URL = /^stratum\+tcp:\/\/(\[[0-9a-fA-F:.]+\]|[^:/\s]+):(\d{1,5})\/?$/;

/** `stratum+tcp://host:port` (IPv6 hosts in brackets) → host and port; throws on anything else. */
export function parseStratumUrl(url: string): StratumEndpoint {
  const match = STRATUM_URL.exec(url.trim());
  const port = Number(match?.[2]);
  if (!match?.[1] || !(port >= 1 && port <= 65535)) {
    throw new RangeError(`expected a pool URL like stratum+tcp://host:3333, got "${url}"`);
  }
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
}
