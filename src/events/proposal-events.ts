import type { EntityManager } from '@mikro-orm/postgresql';
import { type Proposal, ProposalAction } from '../modules/cppcc/cppcc.entity';
import { EventKind } from './event-kind';
import { announce } from './outbox';

/**
 * The timeline steps worth telling, and as what (DOMAIN.md "CPPCC proposals"). Drafting, editing, evidence, co-signing,
 * supervision, co-handlers' opinions and escalation stay on the timeline only; so does a withdrawal (a withdrawn draft
 * was never the office's to know of).
 */
const ANNOUNCED: Partial<Record<ProposalAction, EventKind>> = {
  [ProposalAction.SUBMITTED]: EventKind.PROPOSAL_SUBMITTED,
  [ProposalAction.ACCEPTED]: EventKind.PROPOSAL_ACCEPTED,
  [ProposalAction.REJECTED]: EventKind.PROPOSAL_REJECTED,
  [ProposalAction.CONVERTED_TO_LETTER]: EventKind.PROPOSAL_CONVERTED,
  [ProposalAction.CONVERTED_TO_REPORT]: EventKind.PROPOSAL_CONVERTED,
  [ProposalAction.ASSIGNED]: EventKind.PROPOSAL_ASSIGNED,
  [ProposalAction.RETURNED]: EventKind.PROPOSAL_RETURNED,
  [ProposalAction.MERGED]: EventKind.PROPOSAL_MERGED,
  [ProposalAction.REPLIED]: EventKind.PROPOSAL_REPLIED,
  [ProposalAction.RATED_SATISFIED]: EventKind.PROPOSAL_RATED,
  [ProposalAction.RATED_BASICALLY_SATISFIED]: EventKind.PROPOSAL_RATED,
  [ProposalAction.RATED_DISSATISFIED]: EventKind.PROPOSAL_RATED,
  [ProposalAction.EXTENSION_REQUESTED]: EventKind.PROPOSAL_EXTENSION_REQUESTED,
  [ProposalAction.EXTENSION_APPROVED]: EventKind.PROPOSAL_EXTENSION_DECIDED,
  [ProposalAction.EXTENSION_REFUSED]: EventKind.PROPOSAL_EXTENSION_DECIDED,
};

/**
 * Puts the outbox event of a proposal's step into the unit of work, beside its timeline row: flushed with the step, or
 * not at all. The payload keeps who is concerned as it stands after the step (proposers; units: an assignment's lead
 * and co-handling units, else the lead units), since the relay may run after the proposal moved on.
 */
export function announceProposalStep(em: EntityManager, proposal: Proposal, action: ProposalAction, note: string | null): void {
  const kind = ANNOUNCED[action];
  if (!kind) return;
  const units = action === ProposalAction.ASSIGNED ? [...proposal.leadUnitIds, ...proposal.coHandlerIds] : proposal.leadUnitIds;
  announce(em, {
    kind,
    proposalId: proposal.id,
    payload: {
      title: proposal.subject,
      proposerIds: [...proposal.proposerIds],
      unitIds: [...units],
      date: proposal.dueOn,
      // What the step said: the review's ground or reason, the reply's category, the rating.
      detail: kind === EventKind.PROPOSAL_RATED || kind === EventKind.PROPOSAL_EXTENSION_DECIDED ? action : note,
    } as never,
  });
}
