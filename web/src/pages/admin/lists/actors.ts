import { useLabel } from '../../../labels';
import type { Role } from '../../../generated/graphql';

/**
 * An actor as the console names it: the organization's registered name (a bank's, an enterprise's …), or for roles that
 * act for none (administrators, the CPPCC office) the role's name in the reader's language: the server's display name
 * for those is English.
 */
export function useActorName() {
  const label = useLabel();
  return (actor: { role: Role; name: string; organization: unknown }) => (actor.organization ? actor.name : label('Role', actor.role));
}

/** An actor in full: the organization's name with the role (华中科技大学… （企业代表）), or the role alone. */
export function useActorDescription() {
  const label = useLabel();
  return (actor: { role: Role; name: string; organization: unknown }) =>
    actor.organization ? `${actor.name}（${label('Role', actor.role)}）` : label('Role', actor.role);
}
