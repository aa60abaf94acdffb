/** A decoded form value: Stripe's v1 API takes Rack-style nested parameters (`metadata[rentalId]=…`, `expand[0]=…`). */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

export class FormEncodingError extends Error {}

const MAX_DEPTH = 10;

/**
 * Decodes `application/x-www-form-urlencoded` text (a body or a query string) into nested objects the way Stripe
 * reads it: `a[b]=1` nests, `a[]=1` appends, and `a[0]=1` is an object keyed "0" (lists accept either form, see
 * Params.list). Objects have no prototype, so a key such as `__proto__` is only ever data.
 */
export function parseForm(text: string): FormObject {
  const root = emptyObject();
  const body = text.startsWith('?') ? text.slice(1) : text;
  if (body === '') return root;
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    const rawKey = separator === -1 ? pair : pair.slice(0, separator);
    const rawValue = separator === -1 ? '' : pair.slice(separator + 1);
    assign(root, splitKey(decode(rawKey)), decode(rawValue));
  }
  return root;
}

export function emptyObject(): FormObject {
  return Object.create(null) as FormObject;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new FormEncodingError(`Invalid percent-encoding in ${JSON.stringify(text)}`);
  }
}

/** `a[b][]` → ['a', 'b', ''] (an empty segment means "append"). */
function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open === -1) return [key];
  const head = key.slice(0, open);
  const segments = [head];
  const rest = key.slice(open);
  const bracketed = /\[([^[\]]*)\]/gy;
  let consumed = 0;
  for (let match = bracketed.exec(rest); match; match = bracketed.exec(rest)) {
    segments.push(match[1] ?? '');
    consumed = bracketed.lastIndex;
  }
  if (head === '' || consumed !== rest.length) throw new FormEncodingError(`Invalid parameter name: ${key}`);
  if (segments.length > MAX_DEPTH + 1) throw new FormEncodingError(`Parameter nested too deeply: ${key}`);
  return segments;
}

function assign(target: FormObject, path: readonly string[], value: string, parent = ''): void {
  const [segment, ...rest] = path;
  if (segment === undefined) return;
  const name = parent === '' ? segment : `${parent}[${segment}]`;
  if (rest.length === 0) {
    if (isContainer(target[segment])) throw conflict(name);
    target[segment] = value;
    return;
  }
  if (rest[0] === '') {
    if (rest.length > 1) throw new FormEncodingError(`Unsupported parameter name: ${name}[]…`);
    const list = target[segment] ?? [];
    if (!Array.isArray(list)) throw conflict(name);
    list.push(value);
    target[segment] = list;
    return;
  }
  const child = target[segment] ?? emptyObject();
  if (typeof child === 'string' || Array.isArray(child)) throw conflict(name);
  target[segment] = child;
  assign(child, rest, value, name);
}

function isContainer(value: FormValue | undefined): boolean {
  return value !== undefined && typeof value !== 'string';
}

function conflict(name: string): FormEncodingError {
  return new FormEncodingError(`Invalid value for ${name}: it is sent both as a value and as a hash or list`);
}
