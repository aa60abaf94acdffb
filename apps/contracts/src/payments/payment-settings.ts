import type { ContractsConfig } from '@hashproof/config';

export const PAYMENT_SETTINGS = Symbol('PAYMENT_SETTINGS');

export interface PaymentSettings {
  /** How long an unpaid rental holds its provider's capacity, from its opening. */
  readonly holdSeconds: number;
  /** How often the expired holds are looked for. */
  readonly checkIntervalMs: number;
}

export function paymentSettingsOf(config: ContractsConfig): PaymentSettings {
  return { holdSeconds: config.PAYMENT_HOLD_SECONDS, checkIntervalMs: config.PAYMENT_HOLD_CHECK_INTERVAL_MS };
}
