import { Role } from '../../auth/roles';
import type { RequestContext } from '../../context';
import {
  InvalidInputError,
  type MutationError,
  MutationErrorCode,
  NotFoundError,
  notPermitted,
  Problems,
  StaleVersionError,
} from '../../common/mutation-errors';
import { actorOf, flushOutcome, type Outcome, refused } from '../../common/outcome';
import { idOf, requiredText } from '../../common/validate';
import { Enterprise } from '../enterprise/enterprise.entity';
import { zoneToday } from '../../clock';
import {
  CppccLevel,
  CppccMember,
  HandlingUnit,
  LEVEL_ORDER,
  PolicyRequest,
  PolicyRequestStatus,
  Proposal,
  ProposalEvent,
  ProposalEvidence,
  ProposalReply,
  ProposalStatus,
  ProposerKind,
  RejectionGround,
  ReplyResult,
  ReviewDecision,
  Satisfaction,
} from './cppcc.entity';
import type { DraftProposalInput, EvidenceInput, PolicyRequestInput, ProposalUpdateInput } from './cppcc.types';
import { freezeEvidence } from './evidence';
import { type Actor, guard, type ProposalAction } from './proposal.workflow';

/** Longest texts (a social-condition report is at most 1,500 characters). */
const LIMITS = { subject: 100, reasons: 5000, recommendations: 5000, report: 1500, reply: 5000 };

/** Months from a date (same day, clamped to the month's end). */
export function addMonthsClamped(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

/** The reply is due 3 months after assignment (or a new round), 6 for a complex proposal. */
const dueFrom = (date: string, complex: boolean) => addMonthsClamped(date, complex ? 6 : 3);

/** The member the viewer acts for, or null. */
async function viewerMember(ctx: RequestContext): Promise<CppccMember | null> {
  const id = ctx.access.actingFor('CppccMember');
  return id ? ctx.em.findOne(CppccMember, id) : null;
}

function event(ctx: RequestContext, proposal: Proposal, action: string, note: string | null = null): void {
  ctx.em.create(ProposalEvent, { proposal, action, status: proposal.status, actor: actorOf(ctx), note, at: new Date() } as never);
}

/** Files a policy request: a representative for its own enterprise (among others), an administrator for any. */
export async function filePolicyRequest(ctx: RequestContext, input: PolicyRequestInput): Promise<Outcome<PolicyRequest>> {
  const problems = new Problems();
  const v = ctx.viewer!;
  // A representative speaks for its own enterprise only (and so learns nothing about other codes); the zone
  // files requests that concern several enterprises.
  if (v.role === Role.ENTERPRISE_REP && (input.creditCodes.length !== 1 || input.creditCodes[0] !== v.organisation)) {
    return refused([notPermitted('input.creditCodes', 'A representative files requests that concern its own enterprise only.')]);
  }
  const title = requiredText(problems, 'input.title', input.title, 200);
  const need = requiredText(problems, 'input.need', input.need, 5000);
  const codes = [...new Set(input.creditCodes)];
  const enterprises = codes.length ? await ctx.em.find(Enterprise, { creditCode: { $in: codes } }) : [];
  codes.forEach((code, i) => {
    if (!enterprises.some((e) => e.creditCode === code)) problems.add(new NotFoundError(`input.creditCodes.${i}`, `No enterprise with credit code ${code} is registered.`));
  });
  if (problems.any) return refused(problems.list);
  const request = ctx.em.create(PolicyRequest, {
    title: title!,
    need: need!,
    enterpriseIds: codes.map((c) => enterprises.find((e) => e.creditCode === c)!.id),
    filedBy: actorOf(ctx),
  } as never);
  return flushOutcome(ctx, request);
}

/** Resolves policy request ids; NOT_FOUND for each unknown one. */
async function requestsOf(ctx: RequestContext, problems: Problems, ids: string[]): Promise<PolicyRequest[]> {
  const uuids = ids.map((id, i) => idOf(problems, `input.policyRequestIds.${i}`, id, 'PolicyRequest'));
  const found = await ctx.em.find(PolicyRequest, { id: { $in: uuids.filter((x): x is string => !!x) } });
  uuids.forEach((u, i) => {
    if (u && !found.some((r) => r.id === u)) problems.add(new NotFoundError(`input.policyRequestIds.${i}`, 'No such policy request.'));
  });
  return found;
}

function texts(problems: Problems, input: { subject?: string | null; reasons?: string | null; recommendations?: string | null }, partial: boolean) {
  const out: Partial<Record<'subject' | 'reasons' | 'recommendations', string>> = {};
  for (const f of ['subject', 'reasons', 'recommendations'] as const) {
    if (partial && (input[f] === undefined || input[f] === null)) continue;
    const value = requiredText(problems, `input.${f}`, input[f], LIMITS[f]);
    if (value) out[f] = value;
  }
  return out;
}

/** A member drafts a proposal at a level it sits on (alone, jointly, or for its sector, party or a committee). */
export async function draftProposal(ctx: RequestContext, input: DraftProposalInput): Promise<Outcome<Proposal>> {
  if (ctx.viewer!.role !== Role.CPPCC_MEMBER) {
    return refused([notPermitted(null, `Proposals are drafted by CPPCC members, not by a ${ctx.viewer!.role}.`)]);
  }
  const member = await viewerMember(ctx);
  if (!member) return refused([notPermitted(null, 'Your token names no CPPCC member.')]);
  const problems = new Problems();
  if (!member.levels.includes(input.level)) {
    problems.add(notPermitted('input.level', `${member.name} does not sit on the ${input.level} committee.`));
  }
  const t = texts(problems, input, false);
  const requests = await requestsOf(ctx, problems, input.policyRequestIds);
  const coIds = input.coProposerIds.map((id, i) => idOf(problems, `input.coProposerIds.${i}`, id, 'CppccMember'));
  const co = await ctx.em.find(CppccMember, { id: { $in: coIds.filter((x): x is string => !!x) } });
  coIds.forEach((u, i) => {
    const m = co.find((c) => c.id === u);
    if (u && !m) problems.add(new NotFoundError(`input.coProposerIds.${i}`, 'No such CPPCC member.'));
    else if (m && !m.levels.includes(input.level)) problems.invalid(`input.coProposerIds.${i}`, `${m.name} does not sit on the ${input.level} committee.`);
    else if (m && m.id === member.id) problems.invalid(`input.coProposerIds.${i}`, 'The drafter proposes already.');
  });
  if (input.proposerKind === ProposerKind.PARTY && !member.party) problems.invalid('input.proposerKind', `${member.name} belongs to no party.`);
  if (input.proposerKind === ProposerKind.SPECIAL_COMMITTEE) requiredText(problems, 'input.committee', input.committee, 100);
  else if (input.committee) problems.invalid('input.committee', 'Only a SPECIAL_COMMITTEE proposal names a committee.');
  if (problems.any) return refused(problems.list);
  const proposal = ctx.em.create(Proposal, {
    level: input.level,
    ...t,
    proposerKind: input.proposerKind,
    proposerIds: [member.id, ...co.map((m) => m.id)],
    sector: input.proposerKind === ProposerKind.SECTOR ? member.sector : null,
    party: input.proposerKind === ProposerKind.PARTY ? member.party : null,
    committee: input.proposerKind === ProposerKind.SPECIAL_COMMITTEE ? input.committee : null,
    requestIds: requests.map((r) => r.id),
    complex: input.complex,
    drafterId: member.id,
  } as never);
  event(ctx, proposal, 'DRAFTED');
  return flushOutcome(ctx, proposal);
}

/** Loads a proposal for an action and checks the workflow table; the refusal when the action may not be taken. */
async function forAction(
  ctx: RequestContext,
  globalId: string,
  action: ProposalAction,
): Promise<{ proposal: Proposal; member: CppccMember | null } | { refusal: MutationError[] }> {
  const problems = new Problems();
  const id = idOf(problems, 'id', globalId, 'Proposal');
  const proposal = id ? await ctx.em.findOne(Proposal, id) : null;
  // A proposal the viewer may not see does not exist for it.
  if (!proposal || !(await ctx.access.seesObject('Proposal', proposal, action))) {
    return { refusal: problems.any ? problems.list : [new NotFoundError('id', 'No such proposal.')] };
  }
  const member = await viewerMember(ctx);
  const unit = ctx.access.actingFor('HandlingUnit');
  const isActor = (actor: Actor) => {
    const proposes = !!member && proposal.proposerIds.includes(member.id);
    switch (actor) {
      case 'PROPOSER':
        return proposes;
      case 'NOT_PROPOSER':
        return !!member && !proposes;
      case 'ASSIGNED_UNIT':
        return !!unit && (proposal.leadUnit?.id === unit || proposal.coHandlerIds.includes(unit));
      case 'ANY':
        return true;
    }
  };
  const refusal = guard(action, proposal.status, ctx.viewer!.role, isActor);
  return refusal ? { refusal: [refusal] } : { proposal, member };
}

const stale = (ctx: RequestContext, proposal: Proposal, version: number) => async () =>
  new StaleVersionError('The proposal', version, (await ctx.em.fork().findOneOrFail(Proposal, proposal.id)).version);

/** A proposer changes its draft; a stale `version` is refused, so two editors never overwrite each other. */
export async function updateProposal(ctx: RequestContext, id: string, version: number, input: ProposalUpdateInput): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, id, 'UPDATE');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal, member } = found;
  if (proposal.version !== version) return refused([new StaleVersionError('The proposal', version, proposal.version)]);
  const problems = new Problems();
  const t = texts(problems, input, true);
  if (input.level && !member!.levels.includes(input.level)) problems.add(notPermitted('input.level', `${member!.name} does not sit on the ${input.level} committee.`));
  const requests = input.policyRequestIds ? await requestsOf(ctx, problems, input.policyRequestIds) : null;
  if (problems.any) return refused(problems.list);
  ctx.em.assign(proposal, {
    ...t,
    ...(input.level ? { level: input.level } : {}),
    ...(input.complex != null ? { complex: input.complex } : {}),
    ...(requests ? { requestIds: requests.map((r) => r.id) } : {}),
  } as never);
  event(ctx, proposal, 'EDITED');
  return flushOutcome(ctx, proposal, { stale: stale(ctx, proposal, version) });
}

/** Freezes evidence from the registry into a draft. */
export async function attachEvidence(ctx: RequestContext, proposalId: string, input: EvidenceInput): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, proposalId, 'ATTACH_EVIDENCE');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal } = found;
  const given = [input.creditCode, input.instrumentId, input.portfolioFilter].filter((x) => x !== undefined && x !== null);
  if (given.length !== 1) return refused([new InvalidInputError('input', 'Give exactly one of creditCode, instrumentId or portfolioFilter.')]);
  const frozen = await freezeEvidence(ctx, input);
  if (!frozen) {
    return refused([new NotFoundError(input.creditCode ? 'input.creditCode' : 'input.instrumentId', input.creditCode ? `No enterprise with credit code ${input.creditCode} is registered.` : 'No such instrument.')]);
  }
  ctx.em.create(ProposalEvidence, { proposal, ...frozen, attachedBy: actorOf(ctx), attachedAt: new Date() } as never);
  proposal.updatedAt = new Date(); // a new version of the draft: editors holding the old one must reload
  event(ctx, proposal, 'EVIDENCE_ATTACHED', frozen.title);
  return flushOutcome(ctx, proposal);
}

/** Another member co-signs a draft (联名). */
export async function cosignProposal(ctx: RequestContext, id: string): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, id, 'COSIGN');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal, member } = found;
  if (proposal.cosignerIds.includes(member!.id)) {
    return refused([new InvalidInputError('id', `${member!.name} co-signs it already.`, MutationErrorCode.DUPLICATE)]);
  }
  if (!member!.levels.includes(proposal.level)) return refused([notPermitted('id', `${member!.name} does not sit on the ${proposal.level} committee.`)]);
  proposal.cosignerIds = [...proposal.cosignerIds, member!.id];
  event(ctx, proposal, 'COSIGNED', member!.name);
  return flushOutcome(ctx, proposal);
}

/** A proposer submits the draft: from now on it changes only through the workflow. */
export async function submitProposal(ctx: RequestContext, id: string, version: number): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, id, 'SUBMIT');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal } = found;
  if (proposal.version !== version) return refused([new StaleVersionError('The proposal', version, proposal.version)]);
  proposal.status = ProposalStatus.SUBMITTED;
  proposal.submittedAt = new Date();
  event(ctx, proposal, 'SUBMITTED');
  const outcome = await flushOutcome(ctx, proposal, { stale: stale(ctx, proposal, version) });
  // The requests it carries change only once the submission itself is written (a stale one changes nothing).
  if (outcome.value && proposal.requestIds.length) {
    await ctx.em.nativeUpdate(PolicyRequest, { id: { $in: proposal.requestIds }, status: PolicyRequestStatus.OPEN }, { status: PolicyRequestStatus.IN_PROPOSAL });
  }
  return outcome;
}

/** The proposals office accepts, rejects on a ground, or converts a submitted proposal. */
export async function reviewProposal(
  ctx: RequestContext,
  id: string,
  decision: ReviewDecision,
  reason: string | null | undefined,
  ground: RejectionGround | null | undefined,
  key: boolean | null | undefined,
): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, id, 'REVIEW');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal } = found;
  const problems = new Problems();
  const note = reason?.trim() || null;
  if (decision === ReviewDecision.REJECT && !ground) problems.invalid('ground', 'A proposal not accepted names one of the grounds (RejectionGround).');
  if (decision !== ReviewDecision.REJECT && ground) problems.invalid('ground', 'Only a rejection has a ground.');
  if (decision === ReviewDecision.CONVERT_TO_REPORT) {
    if (!note) problems.invalid('reason', 'A social-condition report needs its text.');
    else if ([...note].length > LIMITS.report) problems.invalid('reason', `A social-condition report is at most ${LIMITS.report} characters; this is ${[...note].length}.`);
  }
  if (key && decision !== ReviewDecision.ACCEPT) problems.invalid('key', 'Only an accepted proposal becomes a key proposal.');
  if (problems.any) return refused(problems.list);
  proposal.status =
    decision === ReviewDecision.ACCEPT ? ProposalStatus.ACCEPTED : decision === ReviewDecision.REJECT ? ProposalStatus.REJECTED : ProposalStatus.CONVERTED;
  proposal.rejectionGround = ground ?? null;
  proposal.reviewNote = note;
  if (key) proposal.key = true;
  event(ctx, proposal, decision, ground ?? note);
  return flushOutcome(ctx, proposal);
}

/** The office assigns an accepted proposal to a lead unit and co-handlers of its level; the reply falls due. */
export async function assignProposal(ctx: RequestContext, id: string, lead: string, coHandlers: string[]): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, id, 'ASSIGN');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal } = found;
  const problems = new Problems();
  const ids = [lead, ...coHandlers].map((g, i) => idOf(problems, i === 0 ? 'lead' : `coHandlers.${i - 1}`, g, 'HandlingUnit'));
  const units = await ctx.em.find(HandlingUnit, { id: { $in: ids.filter((x): x is string => !!x) } });
  ids.forEach((u, i) => {
    const field = i === 0 ? 'lead' : `coHandlers.${i - 1}`;
    const unit = units.find((x) => x.id === u);
    if (u && !unit) problems.add(new NotFoundError(field, 'No such handling unit.'));
    else if (unit && unit.level !== proposal.level) problems.invalid(field, `${unit.name} handles ${unit.level} proposals, not ${proposal.level} ones.`);
    else if (u && ids.indexOf(u) !== i) problems.invalid(field, `${unit!.name} is named twice.`);
  });
  if (problems.any) return refused(problems.list);
  proposal.status = ProposalStatus.ASSIGNED;
  proposal.leadUnit = units.find((u) => u.id === ids[0]) as never;
  proposal.coHandlerIds = ids.slice(1) as string[];
  proposal.dueDate = dueFrom(zoneToday(), proposal.complex);
  event(ctx, proposal, 'ASSIGNED', units.map((u) => u.name).join('、'));
  return flushOutcome(ctx, proposal);
}

/** An assigned unit replies: the lead unit's reply answers the proposal, a co-handler's is its opinion. */
export async function replyToProposal(ctx: RequestContext, id: string, result: ReplyResult, text: string): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, id, 'REPLY');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal } = found;
  const problems = new Problems();
  const body = requiredText(problems, 'text', text, LIMITS.reply);
  if (problems.any) return refused(problems.list);
  const unitId = ctx.access.actingFor('HandlingUnit')!;
  const lead = proposal.leadUnit?.id === unitId;
  const earlier = await ctx.em.count(ProposalReply, { proposal, round: proposal.round, unit: unitId });
  if (earlier) return refused([new InvalidInputError('id', 'Your unit has replied in this round already.', MutationErrorCode.DUPLICATE)]);
  ctx.em.create(ProposalReply, { proposal, unit: unitId, round: proposal.round, lead, result, text: body!, repliedOn: zoneToday() } as never);
  if (lead) proposal.status = ProposalStatus.REPLIED;
  else proposal.updatedAt = new Date();
  event(ctx, proposal, lead ? 'REPLIED' : 'CO_HANDLER_OPINION', result);
  return flushOutcome(ctx, proposal);
}

/** A proposer rates the lead unit's reply: satisfied closes it; dissatisfied sends it back for another round. */
export async function rateReply(ctx: RequestContext, id: string, rating: Satisfaction): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, id, 'RATE');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal } = found;
  const reply = await ctx.em.findOneOrFail(ProposalReply, { proposal, round: proposal.round, lead: true });
  const today = zoneToday();
  reply.rating = rating;
  reply.ratedOn = today;
  if (rating === Satisfaction.DISSATISFIED) {
    proposal.status = ProposalStatus.ASSIGNED;
    proposal.round += 1;
    proposal.dueDate = dueFrom(today, proposal.complex);
  } else {
    proposal.status = ProposalStatus.CLOSED;
  }
  event(ctx, proposal, `RATED_${rating}`);
  const outcome = await flushOutcome(ctx, proposal);
  if (outcome.value && proposal.status === ProposalStatus.CLOSED && proposal.requestIds.length) {
    await ctx.em.nativeUpdate(PolicyRequest, { id: { $in: proposal.requestIds } }, { status: PolicyRequestStatus.ANSWERED });
  }
  return outcome;
}

/**
 * Carries a proposal one or more levels up: a member who sits on the higher committee resubmits it there (or, with
 * `asParty`, its party adopts it). The new proposal is a draft of that member, with the same texts, requests and
 * frozen evidence, linked to the one it came from.
 */
export async function escalateProposal(ctx: RequestContext, id: string, level: CppccLevel, asParty: boolean): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, id, 'ESCALATE');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal, member } = found;
  if (!member) return refused([notPermitted(null, 'Your token names no CPPCC member.')]);
  if (LEVEL_ORDER.indexOf(level) <= LEVEL_ORDER.indexOf(proposal.level)) {
    return refused([new InvalidInputError('level', `A ${proposal.level} proposal goes up to a higher level, not ${level}.`)]);
  }
  if (!member.levels.includes(level)) return refused([notPermitted('level', `${member.name} does not sit on the ${level} committee.`)]);
  if (asParty && !member.party) return refused([new InvalidInputError('asParty', `${member.name} belongs to no party.`)]);
  const higher = ctx.em.create(Proposal, {
    level,
    subject: proposal.subject,
    reasons: proposal.reasons,
    recommendations: proposal.recommendations,
    proposerKind: asParty ? ProposerKind.PARTY : ProposerKind.MEMBERS,
    proposerIds: [member.id],
    party: asParty ? member.party : null,
    requestIds: proposal.requestIds,
    complex: proposal.complex,
    escalatedFrom: proposal,
    drafterId: member.id,
  } as never);
  for (const e of await ctx.em.find(ProposalEvidence, { proposal }, { orderBy: { attachedAt: 'asc', id: 'asc' } })) {
    ctx.em.create(ProposalEvidence, { proposal: higher, kind: e.kind, title: e.title, source: e.source, snapshot: e.snapshot, attachedAt: e.attachedAt, attachedBy: e.attachedBy } as never);
  }
  event(ctx, higher, 'DRAFTED', `escalated from the ${proposal.level} proposal`);
  ctx.em.create(ProposalEvent, { proposal, action: 'ESCALATED', status: proposal.status, actor: actorOf(ctx), note: level, at: new Date() } as never);
  return flushOutcome(ctx, higher);
}
