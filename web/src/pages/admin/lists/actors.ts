import { pick, useLanguage } from '../../../i18n';
import { useLabel } from '../../../labels';
import type { Role } from '../../../generated/graphql';

/**
 * An actor as the console names it: the organization's registered name (a bank's, an enterprise's …), or for roles that
 * act for none (administrators, the CPPCC office) the role's name in the reader's language: the server's display name
 * for those is English.
 */
type ActorLike = { role: Role; name: string; organization: unknown } | null;

/** No actor: a sign-in attempt under a username no account has. */
const NOBODY = ['（无此账户）', '(no such account)'] as const;

export function useActorName() {
  const label = useLabel();
  const { language } = useLanguage();
  return (actor: ActorLike) => (!actor ? pick(NOBODY, language) : actor.organization ? actor.name : label('Role', actor.role));
}

/** An actor in full: the organization's name with the role (华中科技大学… （企业代表）), or the role alone. */
export function useActorDescription() {
  const label = useLabel();
  const { language } = useLanguage();
  return (actor: ActorLike) =>
    !actor ? pick(NOBODY, language) : actor.organization ? `${actor.name}（${label('Role', actor.role)}）` : label('Role', actor.role);
}
