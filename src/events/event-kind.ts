import { registerEnumType } from 'type-graphql';

/** What an outbox event announces (src/events/outbox.ts). One table below says, per kind, what it is in words. */
export enum EventKind {
  PROPOSAL_SUBMITTED = 'PROPOSAL_SUBMITTED',
  PROPOSAL_ACCEPTED = 'PROPOSAL_ACCEPTED',
  PROPOSAL_REJECTED = 'PROPOSAL_REJECTED',
  PROPOSAL_CONVERTED = 'PROPOSAL_CONVERTED',
  PROPOSAL_ASSIGNED = 'PROPOSAL_ASSIGNED',
  PROPOSAL_RETURNED = 'PROPOSAL_RETURNED',
  PROPOSAL_MERGED = 'PROPOSAL_MERGED',
  PROPOSAL_REPLIED = 'PROPOSAL_REPLIED',
  PROPOSAL_RATED = 'PROPOSAL_RATED',
  PROPOSAL_EXTENSION_REQUESTED = 'PROPOSAL_EXTENSION_REQUESTED',
  PROPOSAL_EXTENSION_DECIDED = 'PROPOSAL_EXTENSION_DECIDED',
  PROPOSAL_OVERDUE = 'PROPOSAL_OVERDUE',
  PROPOSAL_DUE_SOON = 'PROPOSAL_DUE_SOON',
  AUTHORIZATION_GRANTED = 'AUTHORIZATION_GRANTED',
  AUTHORIZATION_REVOKED = 'AUTHORIZATION_REVOKED',
  AUTHORIZATION_EXPIRING = 'AUTHORIZATION_EXPIRING',
  IMPORT_FINISHED = 'IMPORT_FINISHED',
  CREDIT_FACTS_STALE = 'CREDIT_FACTS_STALE',
}

/** What each kind is, in the schema. */
const DESCRIPTIONS: Record<EventKind, string> = {
  PROPOSAL_SUBMITTED: 'A proposer submitted a proposal (提交): told to the CPPCC proposals office.',
  PROPOSAL_ACCEPTED: 'The office accepted a proposal (立案): told to each of its proposers.',
  PROPOSAL_REJECTED: 'The office did not accept a proposal (不予立案): told to each of its proposers.',
  PROPOSAL_CONVERTED: 'The office converted a proposal into a member letter or a social-condition report: told to each proposer.',
  PROPOSAL_ASSIGNED: 'The office assigned a proposal (交办): told to each lead and co-handling unit.',
  PROPOSAL_RETURNED: 'A lead unit returned a proposal as outside its remit (退办): told to the office.',
  PROPOSAL_MERGED: 'The office merged a proposal into another (并案): told to the merged one’s proposers.',
  PROPOSAL_REPLIED: 'A lead unit replied (答复): told to each proposer.',
  PROPOSAL_RATED: 'A proposer rated a reply (满意度测评): told to the lead units of the round.',
  PROPOSAL_EXTENSION_REQUESTED: 'A lead unit asked for more time (申请延期): told to the office.',
  PROPOSAL_EXTENSION_DECIDED: 'The office decided a request for more time: told to the lead units.',
  PROPOSAL_OVERDUE: 'A proposal’s reply is past its due date (daily sweep): told to the office and the lead units.',
  PROPOSAL_DUE_SOON: 'A proposal’s reply is due within 14 days (daily sweep): told to the lead units.',
  AUTHORIZATION_GRANTED: 'A data authorization was granted: told to the enterprise’s representatives and the bank.',
  AUTHORIZATION_REVOKED: 'A data authorization was revoked: told to the enterprise’s representatives and the bank.',
  AUTHORIZATION_EXPIRING: 'A data authorization ends within 30 days (daily sweep): told to the representatives and the bank.',
  IMPORT_FINISHED: 'An import written in the background finished, written or failed: told to the administrator who ran it.',
  CREDIT_FACTS_STALE: 'An enterprise’s credit rating or dishonest-debtor check will soon be too old for the programmes (daily sweep): told to the zone’s administrators.',
};

registerEnumType(EventKind, {
  name: 'EventKind',
  description: 'What an event announces: a step of a proposal, an authorization’s change, an import’s end, or what a daily sweep found.',
  valuesConfig: Object.fromEntries(Object.entries(DESCRIPTIONS).map(([k, d]) => [k, { description: d }])),
});

/** The subject an event names: what its notification links to, and what policy is applied to. */
export type EventSubject = 'PROPOSAL' | 'AUTHORIZATION' | 'IMPORT' | 'ENTERPRISE';

/** The subject of each kind. */
export const SUBJECT_OF: Record<EventKind, EventSubject> = Object.fromEntries(
  Object.values(EventKind).map((k) => [k, k.startsWith('PROPOSAL_') ? 'PROPOSAL' : k.startsWith('AUTHORIZATION_') ? 'AUTHORIZATION' : k === EventKind.IMPORT_FINISHED ? 'IMPORT' : 'ENTERPRISE']),
) as Record<EventKind, EventSubject>;
