import { Role } from '../../auth/roles';
import { type MutationError, notPermitted, transitionNotAllowed } from '../../common/mutation-errors';
import { ProposalStatus } from './cppcc.entity';

/** Every step a viewer can take on a proposal (what the timeline then records is a `ProposalStep`). */
export type ProposalStep =
  | 'UPDATE'
  | 'ATTACH_EVIDENCE'
  | 'COSIGN'
  | 'SUBMIT'
  | 'REVIEW'
  | 'ASSIGN'
  | 'REPLY'
  | 'RATE'
  | 'ESCALATE'
  | 'WITHDRAW'
  | 'RETURN'
  | 'REQUEST_EXTENSION'
  | 'DECIDE_EXTENSION'
  | 'SUPERVISE'
  | 'MERGE'
  | 'MERGE_INTO'
  | 'CO_HANDLER_OPINION'
  | 'RATE_MERGED';

/**
 * Who among those of the role may act: the proposal's own proposers, the proposers of a proposal merged into it, its
 * lead units, its co-handling units, or anyone of the role.
 */
export type Actor = 'PROPOSER' | 'NOT_PROPOSER' | 'MERGED_PROPOSER' | 'LEAD_UNIT' | 'CO_HANDLER' | 'ANY';

interface Transition {
  from: readonly ProposalStatus[];
  role: Role;
  actor: Actor;
  /** In words, for the error a wrong caller gets. */
  who: string;
}

const { DRAFT, SUBMITTED, ACCEPTED, REJECTED, CONVERTED, ASSIGNED, REPLIED, CLOSED } = ProposalStatus;
const OFFICE = 'the CPPCC proposals office';

/**
 * The proposals workflow in one table (DOMAIN.md "CPPCC proposals"): from which statuses each action may be taken,
 * by which role, and by whom within it. Where it leads is the service's (a review has four outcomes, a rating two);
 * everything else is refused before anything changes.
 *
 *   DRAFT ─submit→ SUBMITTED ─review→ ACCEPTED | REJECTED | CONVERTED
 *   ACCEPTED ─merge (into an ACCEPTED or ASSIGNED one)→ MERGED: it follows the one it was merged into
 *   ACCEPTED ─assign→ ASSIGNED ─reply (every lead unit)→ REPLIED ─rate (every reply)→ CLOSED, or, when one is
 *     rated dissatisfied in round 1, back to ASSIGNED for one re-handling round (round 2) of its unit
 *   ASSIGNED ─co-handler opinion→ ASSIGNED (to the lead units, not to the proposers)
 *   REPLIED | CLOSED ─rate (a merged proposal's proposers)→ the same status: their rating is recorded
 *   REPLIED | CLOSED | REJECTED | CONVERTED ─escalate→ a new DRAFT one level up
 *   DRAFT | SUBMITTED | ACCEPTED ─withdraw (a proposer)→ WITHDRAWN
 *   ASSIGNED ─return (the lead unit, within PROPOSAL_RETURN_DAYS of assignment)→ ACCEPTED, to be assigned again
 *   ASSIGNED ─request an extension (the lead unit), then the office decides→ ASSIGNED (dueOn moved when approved)
 *   ACCEPTED | ASSIGNED | REPLIED ─supervise (the office)→ the same status, a key proposal
 */
export const WORKFLOW: Record<ProposalStep, Transition> = {
  UPDATE: { from: [DRAFT], role: Role.CPPCC_MEMBER, actor: 'PROPOSER', who: 'its proposers' },
  ATTACH_EVIDENCE: { from: [DRAFT], role: Role.CPPCC_MEMBER, actor: 'PROPOSER', who: 'its proposers' },
  COSIGN: { from: [DRAFT], role: Role.CPPCC_MEMBER, actor: 'NOT_PROPOSER', who: 'a member other than its proposers' },
  SUBMIT: { from: [DRAFT], role: Role.CPPCC_MEMBER, actor: 'PROPOSER', who: 'its proposers' },
  REVIEW: { from: [SUBMITTED], role: Role.CPPCC_OFFICE, actor: 'ANY', who: OFFICE },
  ASSIGN: { from: [ACCEPTED], role: Role.CPPCC_OFFICE, actor: 'ANY', who: OFFICE },
  REPLY: {
    from: [ASSIGNED],
    role: Role.HANDLING_UNIT,
    actor: 'LEAD_UNIT',
    who: 'a lead unit it is assigned to (a co-handling unit sends its opinion with submitCoHandlerOpinion)',
  },
  RATE: { from: [REPLIED], role: Role.CPPCC_MEMBER, actor: 'PROPOSER', who: 'its proposers' },
  ESCALATE: { from: [REPLIED, CLOSED, REJECTED, CONVERTED], role: Role.CPPCC_MEMBER, actor: 'ANY', who: 'a member of the higher committee' },
  WITHDRAW: { from: [DRAFT, SUBMITTED, ACCEPTED], role: Role.CPPCC_MEMBER, actor: 'PROPOSER', who: 'its proposers' },
  RETURN: { from: [ASSIGNED], role: Role.HANDLING_UNIT, actor: 'LEAD_UNIT', who: 'its lead unit' },
  REQUEST_EXTENSION: { from: [ASSIGNED], role: Role.HANDLING_UNIT, actor: 'LEAD_UNIT', who: 'its lead unit' },
  DECIDE_EXTENSION: { from: [ASSIGNED], role: Role.CPPCC_OFFICE, actor: 'ANY', who: OFFICE },
  SUPERVISE: { from: [ACCEPTED, ASSIGNED, REPLIED], role: Role.CPPCC_OFFICE, actor: 'ANY', who: OFFICE },
  // Merging (并案) is the office's at acceptance and assignment: a proposal merged is accepted and not yet with units
  // (its own units would otherwise be handling it); the one it joins may already be assigned.
  MERGE: { from: [ACCEPTED], role: Role.CPPCC_OFFICE, actor: 'ANY', who: OFFICE },
  MERGE_INTO: { from: [ACCEPTED, ASSIGNED], role: Role.CPPCC_OFFICE, actor: 'ANY', who: OFFICE },
  CO_HANDLER_OPINION: { from: [ASSIGNED], role: Role.HANDLING_UNIT, actor: 'CO_HANDLER', who: 'a co-handling unit it is assigned to' },
  // The proposers of a proposal merged into this one rate its replies too; the one it answers is then REPLIED, or
  // CLOSED already by its own proposers' ratings.
  RATE_MERGED: { from: [REPLIED, CLOSED], role: Role.CPPCC_MEMBER, actor: 'MERGED_PROPOSER', who: 'the proposers of a proposal merged into it' },
};

const verb: Record<ProposalStep, string> = {
  UPDATE: 'edited',
  ATTACH_EVIDENCE: 'given evidence',
  COSIGN: 'co-signed',
  SUBMIT: 'submitted',
  REVIEW: 'reviewed',
  ASSIGN: 'assigned',
  REPLY: 'replied to',
  RATE: 'rated',
  ESCALATE: 'escalated',
  WITHDRAW: 'withdrawn',
  RETURN: 'returned',
  REQUEST_EXTENSION: 'given more time',
  DECIDE_EXTENSION: 'given more time',
  SUPERVISE: 'supervised',
  MERGE: 'merged into another',
  MERGE_INTO: 'given merged proposals',
  CO_HANDLER_OPINION: 'given a co-handler opinion',
  RATE_MERGED: 'rated for a merged proposal',
};

/**
 * May the viewer take `action` on a proposal in `status`? The role first (NOT_PERMITTED), then the status
 * (TRANSITION_NOT_ALLOWED), then who it is (NOT_PERMITTED): the first that fails is the answer, as payload data.
 */
export function guard(
  action: ProposalStep,
  status: ProposalStatus,
  role: Role,
  isActor: (actor: Actor) => boolean,
  /** The input field naming the proposal (or the reply), which the error points at. */
  field = 'input.proposalId',
): MutationError | null {
  const t = WORKFLOW[action];
  if (role !== t.role) {
    return notPermitted(field, `A proposal is ${verb[action]} by ${t.who}, not by a ${role}.`);
  }
  if (!t.from.includes(status)) {
    return transitionNotAllowed(
      field,
      `A ${status} proposal cannot be ${verb[action]}; only a ${t.from.join(' or ')} one can.`,
    );
  }
  if (!isActor(t.actor)) {
    return notPermitted(field, `Only ${t.who} may do this.`);
  }
  return null;
}
