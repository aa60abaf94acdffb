import type Stripe from 'stripe';
import { integerTooSmall, invalidInteger, invalidParam, missingParam, unknownParam } from '../stripe-error';
import { type FormObject, type FormValue } from './form-encoding';

interface Requirement {
  readonly required?: boolean;
}

// Stripe's metadata limits (https://docs.stripe.com/api/metadata).
const METADATA_MAX_KEYS = 50;
const METADATA_MAX_KEY_LENGTH = 40;
const METADATA_MAX_VALUE_LENGTH = 500;

/**
 * Reads one request's parameters the way Stripe checks them, each failure a 400 naming the parameter. Every
 * parameter an endpoint does not read is refused by `rejectUnread` (`parameter_unknown`), so nothing the stand-in
 * does not implement is silently ignored.
 */
export class Params {
  private readonly read = new Set<string>();
  private readonly children: Params[] = [];

  constructor(
    private readonly values: FormObject,
    private readonly prefix = '',
  ) {}

  string(key: string, { required = false, maxLength = 5000 }: Requirement & { maxLength?: number } = {}) {
    const value = this.value(key, required);
    if (value === undefined) return undefined;
    if (typeof value !== 'string')
      throw invalidParam(this.name(key), `Invalid string: ${this.name(key)} is not a string`);
    if (value.length > maxLength) {
      throw invalidParam(this.name(key), `Invalid string: must be at most ${maxLength} characters`);
    }
    return value;
  }

  integer(key: string, { required = false, minimum }: Requirement & { minimum?: number } = {}) {
    const text = this.string(key, { required });
    if (text === undefined) return undefined;
    if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw invalidInteger(this.name(key), text);
    const value = Number(text);
    if (minimum !== undefined && value < minimum) throw integerTooSmall(this.name(key), minimum);
    return value;
  }

  boolean(key: string, requirement: Requirement = {}) {
    const text = this.string(key, requirement);
    if (text === undefined) return undefined;
    if (text !== 'true' && text !== 'false') throw invalidParam(this.name(key), `Invalid boolean: ${text}`);
    return text === 'true';
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], requirement: Requirement = {}): T | undefined {
    const text = this.string(key, requirement);
    if (text === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(text)) {
      throw invalidParam(this.name(key), `Invalid ${this.name(key)}: must be one of ${listed(allowed)}`);
    }
    return text as T;
  }

  /** A three-letter ISO code; Stripe takes any case and answers in lowercase. */
  currency(key: string, requirement: Requirement = {}) {
    const text = this.string(key, requirement);
    if (text === undefined) return undefined;
    if (!/^[a-zA-Z]{3}$/.test(text)) throw invalidParam(this.name(key), `Invalid currency: ${text}.`);
    return text.toLowerCase();
  }

  /** `metadata[key]=value` pairs; an empty value unsets a key, so on creation it is left out. */
  metadata(key = 'metadata'): Stripe.Metadata {
    const value = this.value(key, false);
    const metadata: Stripe.Metadata = {};
    if (value === undefined || value === '') return metadata;
    if (typeof value === 'string' || Array.isArray(value)) {
      throw invalidParam(key, 'Invalid metadata: metadata must be a set of key-value pairs');
    }
    const entries = Object.entries(value);
    if (entries.length > METADATA_MAX_KEYS) {
      throw invalidParam(key, `Invalid metadata: metadata can have at most ${METADATA_MAX_KEYS} keys`);
    }
    for (const [name, text] of entries) {
      const param = `${this.name(key)}[${name}]`;
      if (typeof text !== 'string') throw invalidParam(param, `Invalid metadata: ${param} must be a string`);
      if (name.length > METADATA_MAX_KEY_LENGTH) {
        throw invalidParam(param, `Invalid metadata: keys can be at most ${METADATA_MAX_KEY_LENGTH} characters long`);
      }
      if (text.length > METADATA_MAX_VALUE_LENGTH) {
        throw invalidParam(
          param,
          `Invalid metadata: values can be at most ${METADATA_MAX_VALUE_LENGTH} characters long`,
        );
      }
      if (text !== '') metadata[name] = text;
    }
    return metadata;
  }

  /** A hash parameter (`transfer_data[destination]`), read with its own Params; its unread keys are refused too. */
  object(key: string): Params | undefined {
    const value = this.value(key, false);
    if (value === undefined || value === '') return undefined;
    if (typeof value === 'string' || Array.isArray(value)) {
      throw invalidParam(this.name(key), `Invalid object: ${this.name(key)} must be a hash`);
    }
    const child = new Params(value, this.name(key));
    this.children.push(child);
    return child;
  }

  /** A list, sent as `expand[]=a` or, as the SDK sends it, `expand[0]=a`. */
  list(key: string): string[] | undefined {
    const value = this.value(key, false);
    if (value === undefined || value === '') return undefined;
    const items = Array.isArray(value) ? value : typeof value === 'string' ? [value] : indexed(value);
    if (!items?.every((item): item is string => typeof item === 'string')) {
      throw invalidParam(this.name(key), `Invalid array: ${this.name(key)} must be a list of strings`);
    }
    return items;
  }

  rejectUnread(): void {
    const unread = Object.keys(this.values).find((key) => !this.read.has(key));
    if (unread !== undefined) throw unknownParam(this.name(unread));
    for (const child of this.children) child.rejectUnread();
  }

  private value(key: string, required: boolean): FormValue | undefined {
    this.read.add(key);
    const value = this.values[key];
    // Stripe reads an empty value of a required parameter as a missing one.
    if (required && (value === undefined || value === '')) throw missingParam(this.name(key));
    return value;
  }

  private name(key: string): string {
    return this.prefix === '' ? key : `${this.prefix}[${key}]`;
  }
}

/** `{0: 'a', 1: 'b'}` → ['a', 'b']; undefined unless the keys are exactly 0…n-1. */
function indexed(value: FormObject): FormValue[] | undefined {
  const keys = Object.keys(value);
  if (!keys.every((key, index) => key === String(index))) return undefined;
  return keys.map((key) => value[key] as FormValue);
}

function listed(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')}, or ${values.at(-1)}`;
}
