import { Role } from '../auth/roles';
import { toGlobalId } from '../common/global-id';
import { EventKind } from './event-kind';
import type { EventPayload } from './outbox';

/**
 * Whom a notification is for: a role, and within it the organization as a token names it (a bank's or an enterprise's
 * credit code, a CPPCC member's or a handling unit's global id) or the account (an administrator who ran an import);
 * null there: every viewer of the role (the CPPCC office, the zone's administrators).
 */
export interface Recipient {
  role: Role;
  org: string | null;
  account: string | null;
}

const to = (role: Role, org: string | null = null, account: string | null = null): Recipient => ({ role, org, account });
const proposers = (p: EventPayload) => (p.proposerIds ?? []).map((id) => to(Role.CPPCC_MEMBER, toGlobalId('CppccMember', id)));
const units = (p: EventPayload) => (p.unitIds ?? []).map((id) => to(Role.HANDLING_UNIT, toGlobalId('HandlingUnit', id)));
const office = () => [to(Role.CPPCC_OFFICE)];
/** An authorization's enterprise (its representatives) and bank (its officers). */
const parties = (p: EventPayload) => [
  ...(p.creditCode ? [to(Role.ENTERPRISE_REP, p.creditCode)] : []),
  ...(p.bankCreditCode ? [to(Role.BANK_OFFICER, p.bankCreditCode)] : []),
];

/**
 * Who is told of each kind of event: the one table of recipients (README "Notifications and events"). Each recipient
 * may read the event's subject (the access policy's row rules): a unit what is assigned to it, a member every proposal,
 * the office a submitted one, a representative its own enterprise's authorization, a bank one granted to it.
 */
export const RECIPIENTS: Record<EventKind, (payload: EventPayload) => Recipient[]> = {
  PROPOSAL_SUBMITTED: office,
  PROPOSAL_ACCEPTED: proposers,
  PROPOSAL_REJECTED: proposers,
  PROPOSAL_CONVERTED: proposers,
  PROPOSAL_ASSIGNED: units,
  PROPOSAL_RETURNED: office,
  PROPOSAL_MERGED: proposers,
  PROPOSAL_REPLIED: proposers,
  PROPOSAL_RATED: units,
  PROPOSAL_EXTENSION_REQUESTED: office,
  PROPOSAL_EXTENSION_DECIDED: units,
  PROPOSAL_OVERDUE: (p) => [...office(), ...units(p)],
  PROPOSAL_DUE_SOON: units,
  AUTHORIZATION_GRANTED: parties,
  AUTHORIZATION_REVOKED: parties,
  AUTHORIZATION_EXPIRING: parties,
  IMPORT_FINISHED: (p) => [to(Role.ZONE_ADMIN, null, p.accountId ?? null)],
  CREDIT_FACTS_STALE: () => [to(Role.ZONE_ADMIN)],
};

/** The recipients of an event, each once. */
export function recipientsOf(kind: EventKind, payload: EventPayload): Recipient[] {
  const seen = new Set<string>();
  return RECIPIENTS[kind](payload).filter((r) => {
    const key = `${r.role}|${r.org}|${r.account}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}

/**
 * The recipient a viewer is: its role, the organization it acts for as notifications name it (a member's or a unit's
 * id written canonically, whatever form the token gave), and its account. `actingFor` is the request's (src/auth/access.ts).
 */
export function recipientOfViewer(
  viewer: { role: Role; organisation: string | null; account?: { id: string } },
  actingFor: (type: 'CppccMember' | 'HandlingUnit') => string | null,
): Recipient {
  const org = (type: 'CppccMember' | 'HandlingUnit') => {
    const id = actingFor(type);
    return id ? toGlobalId(type, id) : null;
  };
  const key =
    viewer.role === Role.CPPCC_MEMBER
      ? org('CppccMember')
      : viewer.role === Role.HANDLING_UNIT
        ? org('HandlingUnit')
        : viewer.role === Role.BANK_OFFICER || viewer.role === Role.ENTERPRISE_REP
          ? viewer.organisation
          : null;
  return { role: viewer.role, org: key, account: viewer.account?.id ?? null };
}
