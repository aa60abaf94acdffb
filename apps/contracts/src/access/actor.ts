/** Who a request acts for, as the gateway vouches for it on internal calls. */
export interface Actor {
  readonly id: string;
  readonly role: 'renter' | 'provider' | 'admin';
}

/** How an actor appears in audit trails: "provider:<id>", "admin:<id>". */
export function actorLabel(actor: Actor): string {
  return `${actor.role}:${actor.id}`;
}
