export type CheatMode =
  | { readonly kind: 'none' }
  /** Mine at `fraction` × the claimed rate while claiming all of it. */
  | { readonly kind: 'underdeliver'; readonly fraction: number }
  /** Resubmit every accepted share once more. */
  | { readonly kind: 'replay' }
  /** Mine a job the pool never sent and submit its shares. */
  | { readonly kind: 'foreign-jobs' }
  /** Submit random nonces that miss the target, at the rate real shares would come. */
  | { readonly kind: 'invalid-nonces' }
  /** Drop the connection every `intervalMs` and reconnect. */
  | { readonly kind: 'flap'; readonly intervalMs: number };

const FLAP_DEFAULT_MS = 3000;

/** `none`, `underdeliver=<fraction>`, `replay`, `foreign-jobs`, `invalid-nonces`, `flap[=<seconds>]`. */
export function parseCheatMode(text: string): CheatMode {
  const [name, value] = text.trim().split('=', 2);
  switch (name) {
    case 'none':
    case 'replay':
    case 'foreign-jobs':
    case 'invalid-nonces':
      if (value !== undefined) break;
      return { kind: name };
    case 'underdeliver': {
      const fraction = Number(value);
      if (value !== undefined && fraction > 0 && fraction < 1) return { kind: 'underdeliver', fraction };
      throw new RangeError(`--cheat underdeliver=<fraction>: expected a fraction in (0, 1), got "${value ?? ''}"`);
    }
    case 'flap': {
      const seconds = value === undefined ? FLAP_DEFAULT_MS / 1000 : Number(value);
      if (seconds > 0 && Number.isFinite(seconds)) return { kind: 'flap', intervalMs: seconds * 1000 };
      throw new RangeError(`--cheat flap=<seconds>: expected a positive number, got "${value ?? ''}"`);
    }
  }
  throw new RangeError(
    `--cheat: expected none, underdeliver=<fraction>, replay, foreign-jobs, invalid-nonces or flap[=<seconds>], got "${text}"`,
  );
}
