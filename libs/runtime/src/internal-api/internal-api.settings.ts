/** What the internal API guard checks callers against, from the service's config. */
export interface InternalApiSettings {
  /** The shared INTERNAL_API_TOKEN; unset, every internal call is refused. */
  readonly token: string | undefined;
}

export const INTERNAL_API_SETTINGS = Symbol('INTERNAL_API_SETTINGS');
