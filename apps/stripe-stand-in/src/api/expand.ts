import { invalidParam } from '../stripe-error';

/** For each expandable field of an object, how to find the object its id names. */
export type Expanders = Readonly<Record<string, (id: string) => object | undefined>>;

/** Refuses, before anything is executed, an `expand[]` entry the endpoint cannot expand. */
export function checkExpand(expand: readonly string[] | undefined, expanders: Expanders): readonly string[] {
  for (const path of expand ?? []) {
    if (!Object.hasOwn(expanders, path)) throw invalidParam('expand', `This property cannot be expanded (${path}).`);
  }
  return expand ?? [];
}

/** A copy of the object with the requested ids replaced by the objects they name (the stored object stays as it is). */
export function expanded<T extends object>(object: T, expand: readonly string[], expanders: Expanders): T {
  if (expand.length === 0) return object;
  const copy = { ...object } as Record<string, unknown>;
  for (const path of expand) {
    const id = copy[path];
    const target = typeof id === 'string' ? expanders[path]?.(id) : undefined;
    if (target !== undefined) copy[path] = target;
  }
  return copy as T;
}
