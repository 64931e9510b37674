import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../auth/roles';
import type { Viewer } from '../../auth/viewer';

/**
 * Who did something, as the registry stores it: the role of the token, and the organization it acted for as the token
 * named it (a bank's or an enterprise's credit code, a CPPCC member's or a handling unit's global id), written
 * `ROLE` or `ROLE:organization` in a text column (`grantedBy`, `filedBy` …) or as two columns (the audit trail).
 * This file knows no entity, so every entity may serve an actor field; its organization and name are resolved in
 * batches by actor.resolver.ts.
 */
@ObjectType({
  description:
    'Who did something: the role of the token it was done with, the organization the token acted for and a display name. ' +
    'Recorded as it was at the time: a later change of role or organization does not rewrite it.',
})
export class Actor {
  @Field(() => Role, { description: 'The role of the token it was done with.' })
  role: Role;

  /** The organization as the token named it (null: a role that acts for none). Not in the schema: see `organization`. */
  readonly organizationKey: string | null;

  constructor(role: Role, organizationKey: string | null) {
    this.role = role;
    this.organizationKey = organizationKey;
  }

  /** The actor of a stored `ROLE` or `ROLE:organization` (null for anything else: never written by innozone). */
  static parse(stored: string | null | undefined): Actor | null {
    if (!stored) return null;
    const colon = stored.indexOf(':');
    const role = colon < 0 ? stored : stored.slice(0, colon);
    if (!(role in Role)) return null;
    return new Actor(role as Role, colon < 0 ? null : stored.slice(colon + 1) || null);
  }

  /** The viewer as an actor. */
  static of(viewer: Viewer): Actor {
    return new Actor(viewer.role, viewer.organisation);
  }
}

/** How an actor is stored in a text column: `ROLE`, or `ROLE:organization` (what `Actor.parse` reads back). */
export function storedActor(viewer: Viewer): string {
  return viewer.organisation ? `${viewer.role}:${viewer.organisation}` : viewer.role;
}
