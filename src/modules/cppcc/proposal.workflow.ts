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
  | 'SUPERVISE';

/** Who among those of the role may act: the proposal's own proposers, its assigned units, its lead unit, or anyone of the role. */
export type Actor = 'PROPOSER' | 'NOT_PROPOSER' | 'ASSIGNED_UNIT' | 'LEAD_UNIT' | 'ANY';

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
 *   ACCEPTED ─assign→ ASSIGNED ─reply (lead unit)→ REPLIED ─rate→ CLOSED, or back to ASSIGNED when dissatisfied
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
  REVIEW: { from: [SUBMITTED], role: Role.CPPCC_OFFICE, actor: 'ANY', who: 'the CPPCC proposals office' },
  ASSIGN: { from: [ACCEPTED], role: Role.CPPCC_OFFICE, actor: 'ANY', who: 'the CPPCC proposals office' },
  REPLY: { from: [ASSIGNED], role: Role.HANDLING_UNIT, actor: 'ASSIGNED_UNIT', who: 'a handling unit it is assigned to' },
  RATE: { from: [REPLIED], role: Role.CPPCC_MEMBER, actor: 'PROPOSER', who: 'its proposers' },
  ESCALATE: { from: [REPLIED, CLOSED, REJECTED, CONVERTED], role: Role.CPPCC_MEMBER, actor: 'ANY', who: 'a member of the higher committee' },
  WITHDRAW: { from: [DRAFT, SUBMITTED, ACCEPTED], role: Role.CPPCC_MEMBER, actor: 'PROPOSER', who: 'its proposers' },
  RETURN: { from: [ASSIGNED], role: Role.HANDLING_UNIT, actor: 'LEAD_UNIT', who: 'its lead unit' },
  REQUEST_EXTENSION: { from: [ASSIGNED], role: Role.HANDLING_UNIT, actor: 'LEAD_UNIT', who: 'its lead unit' },
  DECIDE_EXTENSION: { from: [ASSIGNED], role: Role.CPPCC_OFFICE, actor: 'ANY', who: OFFICE },
  SUPERVISE: { from: [ACCEPTED, ASSIGNED, REPLIED], role: Role.CPPCC_OFFICE, actor: 'ANY', who: OFFICE },
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
