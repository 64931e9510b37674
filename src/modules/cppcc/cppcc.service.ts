import { Role } from '../../auth/roles';
import type { RequestContext } from '../../context';
import {
  DuplicateError,
  InvalidInputError,
  type MutationError,
  NotFoundError,
  notPermitted,
  Problems,
  StaleVersionError,
  transitionNotAllowed,
} from '../../common/mutation-errors';
import { toGlobalId } from '../../common/global-id';
import { actorOf, flushOutcome, type Outcome, refused } from '../../common/outcome';
import { idOf, optionalText, requiredText } from '../../common/validate';
import { Enterprise } from '../enterprise/enterprise.entity';
import { zoneToday } from '../../clock';
import {
  CppccLevel,
  CoHandlerOpinion,
  CppccMember,
  ExtensionDecision,
  HandlingUnit,
  LEVEL_ORDER,
  PolicyRequest,
  PolicyRequestStatus,
  Proposal,
  ProposalEvent,
  ProposalEvidence,
  ProposalReply,
  ProposalAction,
  ProposalStatus,
  ProposerKind,
  ReplyRating,
  Satisfaction,
} from './cppcc.entity';
import {
  type AssignProposalInput,
  type AttachEvidenceInput,
  BOUNDS,
  type CosignProposalInput,
  type DecideExtensionInput,
  type DraftProposalInput,
  type EscalateProposalInput,
  type FilePolicyRequestInput,
  type ProposalSessionInput,
  type MergeProposalsInput,
  type RateReplyInput,
  type SubmitCoHandlerOpinionInput,
  type ReplyToProposalInput,
  type RequestExtensionInput,
  type ReturnProposalInput,
  type ReviewProposalInput,
  type SubmitProposalInput,
  type SuperviseProposalInput,
  type UpdateProposalInput,
  type WithdrawProposalInput,
} from './cppcc.types';
import { freezeEvidence } from './evidence';
import { type Actor, guard, type ProposalStep } from './proposal.workflow';
import { announceProposalStep } from '../../events/proposal-events';

/** Longest texts (a social-condition report is at most 1,500 characters). */
const LIMITS = { subject: 100, reasons: 5000, recommendations: 5000, report: 1500, reply: 5000, signer: 100, reason: 500, leader: 100 };

/** The most leaders one key proposal names as its supervisors. */
const MAX_LEADERS = 10;

/** An extension moves the due date at most this many months from assignment (3 to reply, 3 more at most). */
export const EXTENSION_MONTHS = 6;

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

/**
 * The reply is due 3 months after assignment (or a new round). The drafter's "complex" no longer gives 6: the lead
 * unit asks for more time (`requestExtension`) and the office decides.
 */
const dueFrom = (date: string) => addMonthsClamped(date, 3);

/** Days from one date to another (both YYYY-MM-DD). */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A session as given (term 1 to 99, session 1 to 9), or nothing when it is invalid. */
function sessionOf(problems: Problems, field: string, session: ProposalSessionInput) {
  if (!Number.isInteger(session.term) || session.term < 1 || session.term > 99) problems.invalid(`${field}.term`, 'A term (届次) is from 1 to 99.');
  if (!Number.isInteger(session.sessionNumber) || session.sessionNumber < 1 || session.sessionNumber > 9) {
    problems.invalid(`${field}.sessionNumber`, 'A session of a term (次会议) is from 1 to 9.');
  }
  return { sessionTerm: session.term, sessionNumber: session.sessionNumber, isDuringPlenary: session.isDuringPlenary ?? false };
}

/** Does the member still sit on the committee (not retired, or retiring on a day to come)? */
export const isServing = (member: CppccMember, today: string = zoneToday()) => member.retiredOn === null || member.retiredOn > today;

/** The refusal for a retired member who would draft, co-sign or propose. */
const retired = (field: string | null, member: CppccMember) =>
  notPermitted(field, `${member.name} retired from the committee on ${member.retiredOn}: only serving members draft, co-sign or propose.`);

/** Days from a date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The handling windows of practice (design defaults; `PROPOSAL_REHANDLING_DAYS` and `CO_HANDLER_OPINION_DAYS` set
 * them, src/config.ts, applied at start-up): the one re-handling round after a dissatisfied rating (重新办理, about a
 * month), and the window in which co-handling units send the lead units their opinions (会办意见, about a month from
 * the start of the round; a later opinion is still accepted, marked late, since the lead unit needs it all the same).
 */
export const HANDLING_TIMES = { rehandlingDays: 30, coHandlerOpinionDays: 30 };

/** Re-handling happens once: round 2 is the last. */
export const LAST_ROUND = 2;

/** The member the viewer acts for, or null. */
async function viewerMember(ctx: RequestContext): Promise<CppccMember | null> {
  const id = ctx.access.actingFor('CppccMember');
  return id ? ctx.em.findOne(CppccMember, id) : null;
}

/** Records a step in the proposal's timeline, with the status it leaves the proposal in. */
function event(ctx: RequestContext, proposal: Proposal, action: ProposalAction, note: string | null = null): void {
  ctx.em.create(ProposalEvent, { proposal, action, status: proposal.status, actor: actorOf(ctx), note, occurredAt: new Date() } as never);
  // The steps worth telling go to the outbox in the same flush (src/events/proposal-events.ts).
  announceProposalStep(ctx.em, proposal, action, note);
}

/** Files a policy request: a representative for its own enterprise (among others), an administrator for any. */
export async function filePolicyRequest(ctx: RequestContext, input: FilePolicyRequestInput): Promise<Outcome<PolicyRequest>> {
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
  if (ids.length > BOUNDS.requests) problems.invalid('input.policyRequestIds', `A proposal carries at most ${BOUNDS.requests} policy requests.`);
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
  if (!isServing(member)) return refused([retired(null, member)]);
  const problems = new Problems();
  if (!member.levels.includes(input.level)) {
    problems.add(notPermitted('input.level', `${member.name} does not sit on the ${input.level} committee.`));
  }
  const t = texts(problems, input, false);
  if (input.coProposerIds.length > BOUNDS.proposers - 1) {
    problems.invalid('input.coProposerIds', `A proposal has at most ${BOUNDS.proposers} proposers: the drafter and ${BOUNDS.proposers - 1} more.`);
  }
  const requests = await requestsOf(ctx, problems, input.policyRequestIds);
  const coIds = input.coProposerIds.map((id, i) => idOf(problems, `input.coProposerIds.${i}`, id, 'CppccMember'));
  const co = await ctx.em.find(CppccMember, { id: { $in: coIds.filter((x): x is string => !!x) } });
  coIds.forEach((u, i) => {
    const m = co.find((c) => c.id === u);
    if (u && !m) problems.add(new NotFoundError(`input.coProposerIds.${i}`, 'No such CPPCC member.'));
    else if (m && !isServing(m)) problems.add(retired(`input.coProposerIds.${i}`, m));
    else if (m && !m.levels.includes(input.level)) problems.invalid(`input.coProposerIds.${i}`, `${m.name} does not sit on the ${input.level} committee.`);
    else if (m && m.id === member.id) problems.invalid(`input.coProposerIds.${i}`, 'The drafter proposes already.');
  });
  const session = input.session ? sessionOf(problems, 'input.session', input.session) : {};
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
    isComplex: input.isComplex,
    ...session,
    drafterId: member.id,
  } as never);
  event(ctx, proposal, ProposalAction.DRAFTED);
  return flushOutcome(ctx, proposal);
}

type Allowed = { proposal: Proposal; member: CppccMember | null };

/** Loads a proposal for a step and checks the workflow table; the refusal when the step may not be taken. */
async function forAction(ctx: RequestContext, globalId: string, step: ProposalStep): Promise<Allowed | { refusal: MutationError[] }> {
  const problems = new Problems();
  const id = idOf(problems, 'input.proposalId', globalId, 'Proposal');
  const proposal = id ? await ctx.em.findOne(Proposal, id) : null;
  if (!proposal) return { refusal: problems.any ? problems.list : [new NotFoundError('input.proposalId', 'No such proposal.')] };
  return mayTake(ctx, proposal, step, 'input.proposalId');
}

/** May the viewer take `step` on `proposal`? `field` is the input field that named it (the error points at it). */
async function mayTake(ctx: RequestContext, proposal: Proposal, step: ProposalStep, field: string): Promise<Allowed | { refusal: MutationError[] }> {
  // A proposal the viewer may not see does not exist for it.
  if (!(await ctx.access.seesObject('Proposal', proposal, step))) return { refusal: [new NotFoundError(field, 'No such proposal.')] };
  const member = await viewerMember(ctx);
  const unit = ctx.access.actingFor('HandlingUnit');
  const proposesMerged = step === 'RATE_MERGED' && !!member && (await mergedProposedBy(ctx, proposal, member)) !== null;
  const isActor = (actor: Actor) => {
    const proposes = !!member && proposal.proposerIds.includes(member.id);
    switch (actor) {
      case 'PROPOSER':
        return proposes;
      case 'NOT_PROPOSER':
        return !!member && !proposes;
      case 'MERGED_PROPOSER':
        return proposesMerged;
      case 'LEAD_UNIT':
        return !!unit && proposal.leadUnitIds.includes(unit);
      case 'CO_HANDLER':
        return !!unit && proposal.coHandlerIds.includes(unit);
      case 'ANY':
        return true;
    }
  };
  const refusal = guard(step, proposal.status, ctx.viewer!.role, isActor, field);
  return refusal ? { refusal: [refusal] } : { proposal, member };
}

/** The proposal merged into `proposal` that `member` proposes, if any. */
async function mergedProposedBy(ctx: RequestContext, proposal: Proposal, member: CppccMember): Promise<Proposal | null> {
  const found = await ctx.em.find(Proposal, { mergedInto: proposal.id, proposerIds: { $contains: [member.id] } }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 1 });
  return found[0] ?? null;
}

const stale = (ctx: RequestContext, proposal: Proposal, version: number) => async () =>
  new StaleVersionError('The proposal', version, (await ctx.em.fork().findOneOrFail(Proposal, proposal.id)).version);

/** A proposer changes its draft; a stale `version` is refused, so two editors never overwrite each other. */
export async function updateProposal(ctx: RequestContext, input: UpdateProposalInput): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, input.proposalId, 'UPDATE');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal, member } = found;
  if (proposal.version !== input.version) return refused([new StaleVersionError('The proposal', input.version, proposal.version)]);
  const problems = new Problems();
  const t = texts(problems, input, true);
  if (input.level && !member!.levels.includes(input.level)) problems.add(notPermitted('input.level', `${member!.name} does not sit on the ${input.level} committee.`));
  const requests = input.policyRequestIds ? await requestsOf(ctx, problems, input.policyRequestIds) : null;
  const session = input.session ? sessionOf(problems, 'input.session', input.session) : {};
  if (problems.any) return refused(problems.list);
  ctx.em.assign(proposal, {
    ...t,
    ...session,
    ...(input.level ? { level: input.level } : {}),
    ...(input.isComplex != null ? { isComplex: input.isComplex } : {}),
    ...(requests ? { requestIds: requests.map((r) => r.id) } : {}),
  } as never);
  event(ctx, proposal, ProposalAction.EDITED);
  return flushOutcome(ctx, proposal, { stale: stale(ctx, proposal, input.version) });
}

/** Freezes evidence from the registry into a draft. */
export async function attachEvidence(ctx: RequestContext, input: AttachEvidenceInput): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, input.proposalId, 'ATTACH_EVIDENCE');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal } = found;
  const source = input.evidence;
  // The schema lets exactly one through (EvidenceInput is @oneOf); the seeds call this directly.
  const given = [source.creditCode, source.instrumentId, source.portfolioFilter].filter((x) => x !== undefined && x !== null);
  if (given.length !== 1) return refused([new InvalidInputError('input.evidence', 'Give exactly one of creditCode, instrumentId or portfolioFilter.')]);
  const frozen = await freezeEvidence(ctx, source, input.isNamingEnterprises ?? false);
  if ('field' in frozen) {
    return refused([frozen.kind === 'NOT_FOUND' ? new NotFoundError(frozen.field, frozen.message) : new InvalidInputError(frozen.field, frozen.message)]);
  }
  ctx.em.create(ProposalEvidence, { proposal, ...frozen, attachedBy: actorOf(ctx), attachedAt: new Date() } as never);
  proposal.updatedAt = new Date(); // a new version of the draft: editors holding the old one must reload
  event(ctx, proposal, ProposalAction.EVIDENCE_ATTACHED, frozen.title);
  return flushOutcome(ctx, proposal);
}

/** Another member co-signs a draft (联名). */
export async function cosignProposal(ctx: RequestContext, input: CosignProposalInput): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, input.proposalId, 'COSIGN');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal, member } = found;
  if (!isServing(member!)) return refused([retired('input.proposalId', member!)]);
  if (proposal.cosignerIds.includes(member!.id)) return refused([new DuplicateError('input.proposalId', `${member!.name} co-signs it already.`)]);
  if (!member!.levels.includes(proposal.level)) return refused([notPermitted('input.proposalId', `${member!.name} does not sit on the ${proposal.level} committee.`)]);
  proposal.cosignerIds = [...proposal.cosignerIds, member!.id];
  event(ctx, proposal, ProposalAction.COSIGNED, member!.name);
  return flushOutcome(ctx, proposal);
}

/** A proposer submits the draft: from now on it changes only through the workflow. */
export async function submitProposal(ctx: RequestContext, input: SubmitProposalInput): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, input.proposalId, 'SUBMIT');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal } = found;
  if (proposal.version !== input.version) return refused([new StaleVersionError('The proposal', input.version, proposal.version)]);
  proposal.status = ProposalStatus.SUBMITTED;
  proposal.submittedAt = new Date();
  // Not given by the drafter: the level's current session (CPPCC_SESSIONS), between sessions.
  if (proposal.sessionTerm === null || proposal.sessionNumber === null) currentSession(ctx, proposal);
  event(ctx, proposal, ProposalAction.SUBMITTED);
  const outcome = await flushOutcome(ctx, proposal, { stale: stale(ctx, proposal, input.version) });
  // The requests it carries change only once the submission itself is written (a stale one changes nothing).
  if (outcome.value && proposal.requestIds.length) {
    await ctx.em.nativeUpdate(PolicyRequest, { id: { $in: proposal.requestIds }, status: PolicyRequestStatus.OPEN }, { status: PolicyRequestStatus.IN_PROPOSAL });
  }
  return outcome;
}

/** Counts the proposal with its level's current session (CPPCC_SESSIONS), between sessions. */
function currentSession(ctx: RequestContext, proposal: Proposal): void {
  const current = ctx.cppcc.sessions[proposal.level]!;
  proposal.sessionTerm = current.term;
  proposal.sessionNumber = current.sessionNumber;
  proposal.isDuringPlenary = false;
}

/**
 * The next proposal number (提案号) of the proposal's level and session: numbers are given at acceptance (立案), 1, 2,
 * 3 … in the order the office accepts. A lock held to the end of the mutation's transaction keeps two acceptances of
 * the same session from taking one number.
 */
async function nextNumber(ctx: RequestContext, proposal: Proposal): Promise<number> {
  const key = `proposal-number:${proposal.level}:${proposal.sessionTerm}:${proposal.sessionNumber}`;
  await ctx.em.execute('select pg_advisory_xact_lock(hashtext(?))', [key]);
  const [row] = await ctx.em.execute<{ n: number }[]>(
    'select coalesce(max(number), 0)::int + 1 as n from proposal where level = ? and session_term = ? and session_number = ?',
    [proposal.level, proposal.sessionTerm, proposal.sessionNumber],
  );
  return row!.n;
}

/**
 * The proposals office accepts (possibly as a key proposal), rejects on a ground, or converts a submitted proposal
 * into a member letter or a social-condition report. Each decision carries only its own details (ReviewDecisionInput
 * is @oneOf), so a rejection without a ground or a key conversion cannot be sent.
 */
export async function reviewProposal(ctx: RequestContext, input: ReviewProposalInput): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, input.proposalId, 'REVIEW');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal } = found;
  if (input.version != null && proposal.version !== input.version) {
    return refused([new StaleVersionError('The proposal', input.version, proposal.version)]);
  }
  const { accept, reject, convertToLetter, convertToReport } = input.decision;
  // The schema lets exactly one through (ReviewDecisionInput is @oneOf); the seeds call this directly.
  if ([accept, reject, convertToLetter, convertToReport].filter((d) => d != null).length !== 1) {
    return refused([new InvalidInputError('input.decision', 'Give exactly one decision: accept, reject, convertToLetter or convertToReport.')]);
  }
  const problems = new Problems();
  const reason = (accept ?? reject ?? convertToLetter)?.reason?.trim() || null;
  let note = reason;
  if (convertToReport) {
    note = requiredText(problems, 'input.decision.convertToReport.report', convertToReport.report, LIMITS.report) ?? null;
  }
  if (problems.any) return refused(problems.list);
  const [status, action] = accept
    ? [ProposalStatus.ACCEPTED, ProposalAction.ACCEPTED]
    : reject
      ? [ProposalStatus.REJECTED, ProposalAction.REJECTED]
      : convertToLetter
        ? [ProposalStatus.CONVERTED, ProposalAction.CONVERTED_TO_LETTER]
        : [ProposalStatus.CONVERTED, ProposalAction.CONVERTED_TO_REPORT];
  proposal.status = status;
  proposal.rejectionGround = reject?.ground ?? null;
  proposal.reviewNote = note;
  if (accept) {
    if (proposal.sessionTerm === null || proposal.sessionNumber === null) currentSession(ctx, proposal);
    proposal.number = await nextNumber(ctx, proposal);
  }
  if (accept?.isKey) {
    // The deprecated way to choose a key proposal: a supervision naming no leaders yet (superviseProposal names them).
    proposal.isKey = true;
    proposal.supervisionLeaders = [];
    proposal.supervisedAt = new Date();
  }
  event(ctx, proposal, action, reject?.ground ?? note);
  return flushOutcome(ctx, proposal, input.version != null ? { stale: stale(ctx, proposal, input.version) } : {});
}

/**
 * The office assigns an accepted proposal to a lead unit (or, split, several: 分办) and co-handlers of its level; the
 * reply falls due.
 */
export async function assignProposal(ctx: RequestContext, input: AssignProposalInput): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, input.proposalId, 'ASSIGN');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal } = found;
  const problems = new Problems();
  const coHandlers = input.coHandlerIds ?? [];
  const split = input.splitWithUnitIds ?? [];
  if (coHandlers.length > BOUNDS.coHandlers) problems.invalid('input.coHandlerIds', `A proposal has at most ${BOUNDS.coHandlers} co-handling units.`);
  if (split.length > BOUNDS.leadUnits - 1) problems.invalid('input.splitWithUnitIds', `A split proposal has at most ${BOUNDS.leadUnits} lead units.`);
  const fields = ['input.leadUnitId', ...split.map((_, i) => `input.splitWithUnitIds.${i}`), ...coHandlers.map((_, i) => `input.coHandlerIds.${i}`)];
  const ids = [input.leadUnitId, ...split, ...coHandlers].map((g, i) => idOf(problems, fields[i]!, g, 'HandlingUnit'));
  const units = await ctx.em.find(HandlingUnit, { id: { $in: ids.filter((x): x is string => !!x) } });
  ids.forEach((u, i) => {
    const field = fields[i]!;
    const unit = units.find((x) => x.id === u);
    if (u && !unit) problems.add(new NotFoundError(field, 'No such handling unit.'));
    else if (unit && unit.level !== proposal.level) problems.invalid(field, `${unit.name} handles ${unit.level} proposals, not ${proposal.level} ones.`);
    else if (u && ids.indexOf(u) !== i) problems.invalid(field, `${unit!.name} is named twice.`);
  });
  if (problems.any) return refused(problems.list);
  const today = zoneToday();
  proposal.status = ProposalStatus.ASSIGNED;
  proposal.leadUnit = units.find((u) => u.id === ids[0]) as never;
  proposal.leadUnitIds = ids.slice(0, 1 + split.length) as string[];
  proposal.coHandlerIds = ids.slice(1 + split.length) as string[];
  proposal.assignedOn = today;
  proposal.dueOn = dueFrom(today);
  proposal.roundStartedOn = today;
  // A new assignment (after a return) starts without the previous unit's request for more time.
  Object.assign(proposal, NO_EXTENSION);
  event(ctx, proposal, ProposalAction.ASSIGNED, ids.map((id) => units.find((u) => u.id === id)!.name).join('、'));
  return flushOutcome(ctx, proposal);
}

/**
 * The lead units expected to reply in the proposal's current round: every one in round 1; in the re-handling round,
 * those whose reply was rated dissatisfied.
 */
async function unitsOfRound(ctx: RequestContext, proposal: Proposal): Promise<string[]> {
  if (proposal.round === 1) return proposal.leadUnitIds;
  const earlier = await ctx.em.find(ProposalReply, { proposal: proposal.id, round: proposal.round - 1, rating: Satisfaction.DISSATISFIED });
  return proposal.leadUnitIds.filter((u) => earlier.some((r) => r.unit.id === u));
}

/**
 * A lead unit replies, once a round: REPLIED when every lead unit of the round has (one, or each of a split
 * proposal's). Co-handling units do not reply: they send the lead units an opinion (`submitCoHandlerOpinion`).
 */
export async function replyToProposal(ctx: RequestContext, input: ReplyToProposalInput): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, input.proposalId, 'REPLY');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal } = found;
  const problems = new Problems();
  const body = requiredText(problems, 'input.text', input.text, LIMITS.reply);
  const signedBy = requiredText(problems, 'input.signedBy', input.signedBy, LIMITS.signer);
  if (problems.any) return refused(problems.list);
  const unitId = ctx.access.actingFor('HandlingUnit')!;
  const expected = await unitsOfRound(ctx, proposal);
  if (!expected.includes(unitId)) {
    return refused([transitionNotAllowed('input.proposalId', `Round ${proposal.round} re-handles the other units’ parts: your unit’s reply was rated already.`)]);
  }
  const given = await ctx.em.find(ProposalReply, { proposal, round: proposal.round });
  if (given.some((r) => r.unit.id === unitId)) return refused([new DuplicateError('input.proposalId', 'Your unit has replied in this round already.')]);
  const today = zoneToday();
  ctx.em.create(ProposalReply, {
    proposal,
    unit: unitId,
    round: proposal.round,
    isLead: true,
    category: input.category,
    text: body!,
    signedBy: signedBy!,
    publication: input.publication,
    repliedOn: today,
    isOnTime: proposal.dueOn === null || today <= proposal.dueOn,
  } as never);
  if (expected.every((u) => u === unitId || given.some((r) => r.unit.id === u))) proposal.status = ProposalStatus.REPLIED;
  else proposal.updatedAt = new Date();
  event(ctx, proposal, ProposalAction.REPLIED, input.category);
  return flushOutcome(ctx, proposal);
}

/** No request for more time. */
const NO_EXTENSION = {
  extensionUntil: null,
  extensionReason: null,
  extensionRequestedAt: null,
  extensionDecision: null,
  extensionDecidedAt: null,
  extensionNote: null,
} as const;

/**
 * A proposer withdraws a proposal (撤案) before it is assigned. The policy requests it carried, that no other submitted
 * proposal still carries, are open again.
 */
export async function withdrawProposal(ctx: RequestContext, input: WithdrawProposalInput): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, input.proposalId, 'WITHDRAW');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal } = found;
  const problems = new Problems();
  const reason = requiredText(problems, 'input.reason', input.reason, LIMITS.reason);
  if (problems.any) return refused(problems.list);
  const wasSubmitted = proposal.status !== ProposalStatus.DRAFT;
  proposal.status = ProposalStatus.WITHDRAWN;
  event(ctx, proposal, ProposalAction.WITHDRAWN, reason!);
  const outcome = await flushOutcome(ctx, proposal);
  if (outcome.value && wasSubmitted && proposal.requestIds.length) {
    await ctx.em.execute(
      `update policy_request r set status = 'OPEN', updated_at = now()
       where r.id = any(?::uuid[]) and r.status = 'IN_PROPOSAL'
         and not exists (select 1 from proposal p where p.id <> ? and r.id::text = any(p.request_ids) and p.status not in ('DRAFT', 'WITHDRAWN'))`,
      [`{${proposal.requestIds.join(',')}}`, proposal.id],
    );
  }
  return outcome;
}

/**
 * The lead unit returns a proposal (退办) as outside its remit, within PROPOSAL_RETURN_DAYS of its assignment: it is
 * ACCEPTED again, without units or due date, for the office to assign (`assignProposal`).
 */
export async function returnProposal(ctx: RequestContext, input: ReturnProposalInput): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, input.proposalId, 'RETURN');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal } = found;
  const problems = new Problems();
  const reason = requiredText(problems, 'input.reason', input.reason, LIMITS.reason);
  if (problems.any) return refused(problems.list);
  const days = ctx.cppcc.proposalReturnDays;
  if (!proposal.assignedOn || daysBetween(proposal.assignedOn, zoneToday()) > days) {
    return refused([
      transitionNotAllowed(
        'input.proposalId',
        `A proposal is returned within ${days} days of its assignment (${proposal.assignedOn ?? 'unknown'}); after that, its lead unit handles it or asks for more time.`,
      ),
    ]);
  }
  proposal.status = ProposalStatus.ACCEPTED;
  proposal.leadUnit = null;
  proposal.leadUnitIds = [];
  proposal.coHandlerIds = [];
  proposal.dueOn = null;
  proposal.assignedOn = null;
  proposal.roundStartedOn = null;
  Object.assign(proposal, NO_EXTENSION);
  event(ctx, proposal, ProposalAction.RETURNED, reason!);
  return flushOutcome(ctx, proposal);
}

/**
 * The lead unit asks for more time (延期办理): to a day after the current due date and at most EXTENSION_MONTHS from
 * assignment. One request at a time; once one is approved, no more.
 */
export async function requestExtension(ctx: RequestContext, input: RequestExtensionInput): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, input.proposalId, 'REQUEST_EXTENSION');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal } = found;
  const problems = new Problems();
  const reason = requiredText(problems, 'input.reason', input.reason, LIMITS.reason);
  if (proposal.extensionDecision === ExtensionDecision.PENDING) {
    problems.add(new DuplicateError('input.proposalId', `An extension to ${proposal.extensionUntil} is waiting for the office’s decision.`));
  } else if (proposal.extensionDecision === ExtensionDecision.APPROVED) {
    problems.invalid('input.proposalId', `An extension to ${proposal.extensionUntil} was approved already: a proposal is extended once.`);
  }
  const bound = addMonthsClamped(proposal.assignedOn ?? zoneToday(), EXTENSION_MONTHS);
  if (proposal.dueOn && input.until <= proposal.dueOn) problems.invalid('input.until', `The reply is due by ${proposal.dueOn} already: ask for a later day.`);
  else if (input.until > bound) problems.invalid('input.until', `A reply is due at most ${EXTENSION_MONTHS} months from assignment: by ${bound} at the latest.`);
  if (problems.any) return refused(problems.list);
  Object.assign(proposal, {
    ...NO_EXTENSION,
    extensionUntil: input.until,
    extensionReason: reason!,
    extensionRequestedAt: new Date(),
    extensionDecision: ExtensionDecision.PENDING,
  });
  event(ctx, proposal, ProposalAction.EXTENSION_REQUESTED, `${input.until}：${reason!}`);
  return flushOutcome(ctx, proposal);
}

/** The office decides a pending request for more time: approved, the reply is due by the day asked for. */
export async function decideExtension(ctx: RequestContext, input: DecideExtensionInput): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, input.proposalId, 'DECIDE_EXTENSION');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal } = found;
  const problems = new Problems();
  const note = optionalText(problems, 'input.note', input.note, LIMITS.reason);
  if (proposal.extensionDecision !== ExtensionDecision.PENDING) problems.invalid('input.proposalId', 'No request for more time is waiting for a decision.');
  if (problems.any) return refused(problems.list);
  proposal.extensionDecision = input.isApproved ? ExtensionDecision.APPROVED : ExtensionDecision.REFUSED;
  proposal.extensionDecidedAt = new Date();
  proposal.extensionNote = note;
  if (input.isApproved) proposal.dueOn = proposal.extensionUntil;
  event(ctx, proposal, input.isApproved ? ProposalAction.EXTENSION_APPROVED : ProposalAction.EXTENSION_REFUSED, note);
  return flushOutcome(ctx, proposal);
}

/**
 * The office makes an accepted proposal a key proposal (重点提案), supervised (督办) by the leaders it names; naming them
 * again replaces them.
 */
export async function superviseProposal(ctx: RequestContext, input: SuperviseProposalInput): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, input.proposalId, 'SUPERVISE');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal } = found;
  const problems = new Problems();
  if (input.leaders.length < 1 || input.leaders.length > MAX_LEADERS) problems.invalid('input.leaders', `Name 1 to ${MAX_LEADERS} supervising leaders.`);
  const leaders = input.leaders.map((l, i) => requiredText(problems, `input.leaders.${i}`, l, LIMITS.leader));
  leaders.forEach((l, i) => {
    if (l && leaders.indexOf(l) !== i) problems.invalid(`input.leaders.${i}`, `${l} is named twice.`);
  });
  const note = optionalText(problems, 'input.note', input.note, LIMITS.reason);
  if (problems.any) return refused(problems.list);
  proposal.isKey = true;
  proposal.supervisionLeaders = leaders as string[];
  proposal.supervisionNote = note;
  proposal.supervisedAt = new Date();
  event(ctx, proposal, ProposalAction.SUPERVISED, (leaders as string[]).join('、'));
  return flushOutcome(ctx, proposal);
}

/**
 * A co-handling unit sends the lead units its opinion (会办意见), once a round: no category, not sent to the
 * proposers. Within `CO_HANDLER_OPINION_DAYS` of the round's start it is on time; later it is accepted, marked late.
 */
export async function submitCoHandlerOpinion(ctx: RequestContext, input: SubmitCoHandlerOpinionInput): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, input.proposalId, 'CO_HANDLER_OPINION');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal } = found;
  const problems = new Problems();
  const body = requiredText(problems, 'input.text', input.text, LIMITS.reply);
  if (problems.any) return refused(problems.list);
  const unitId = ctx.access.actingFor('HandlingUnit')!;
  if (await ctx.em.count(CoHandlerOpinion, { proposal, round: proposal.round, unit: unitId })) {
    return refused([new DuplicateError('input.proposalId', 'Your unit has given its opinion in this round already.')]);
  }
  const today = zoneToday();
  const window = proposal.roundStartedOn ? addDays(proposal.roundStartedOn, HANDLING_TIMES.coHandlerOpinionDays) : null;
  ctx.em.create(CoHandlerOpinion, { proposal, unit: unitId, round: proposal.round, text: body!, submittedOn: today, isLate: window !== null && today > window } as never);
  proposal.updatedAt = new Date();
  const unit = await ctx.em.findOneOrFail(HandlingUnit, unitId);
  event(ctx, proposal, ProposalAction.CO_HANDLER_OPINION_SUBMITTED, unit.name);
  return flushOutcome(ctx, proposal);
}

/**
 * The office merges accepted proposals into another (并案): accepted or already assigned, of the same level. Each
 * merged one is MERGED and follows it: its proposers receive that proposal's replies and rate them.
 */
export async function mergeProposals(ctx: RequestContext, input: MergeProposalsInput): Promise<Outcome<Proposal>> {
  const problems = new Problems();
  const intoId = idOf(problems, 'input.intoId', input.intoId, 'Proposal');
  const target = intoId ? await ctx.em.findOne(Proposal, intoId) : null;
  if (!target) return refused(problems.any ? problems.list : [new NotFoundError('input.intoId', 'No such proposal.')]);
  const allowed = await mayTake(ctx, target, 'MERGE_INTO', 'input.intoId');
  if ('refusal' in allowed) return refused(allowed.refusal);
  if (input.ids.length === 0) return refused([new InvalidInputError('input.ids', 'Name at least one proposal to merge.')]);
  const already = await ctx.em.count(Proposal, { mergedInto: target.id });
  if (already + input.ids.length > BOUNDS.merged) {
    return refused([new InvalidInputError('input.ids', `At most ${BOUNDS.merged} proposals are merged into one; ${already} are already.`)]);
  }
  const uuids = input.ids.map((g, i) => idOf(problems, `input.ids.${i}`, g, 'Proposal'));
  const found = await ctx.em.find(Proposal, { id: { $in: uuids.filter((x): x is string => !!x) } });
  const parents = await ctx.em.find(Proposal, { mergedInto: { $in: found.map((p) => p.id) } }, { fields: ['id', 'mergedInto'] });
  const merged: Proposal[] = [];
  for (const [i, u] of uuids.entries()) {
    const field = `input.ids.${i}`;
    const p = found.find((x) => x.id === u);
    if (!u) continue;
    if (!p) {
      problems.add(new NotFoundError(field, 'No such proposal.'));
      continue;
    }
    const may = await mayTake(ctx, p, 'MERGE', field);
    if ('refusal' in may) may.refusal.forEach((e) => problems.add(e));
    else if (p.id === target.id) problems.invalid(field, 'A proposal is not merged into itself.');
    else if (uuids.indexOf(u) !== i) problems.invalid(field, 'This proposal is named twice.');
    else if (p.level !== target.level) problems.invalid(field, `A ${p.level} proposal is not merged into a ${target.level} one.`);
    else if (parents.some((c) => c.mergedInto?.id === p.id)) problems.invalid(field, 'Other proposals are merged into this one: merge them into the other directly.');
    else merged.push(p);
  }
  if (problems.any) return refused(problems.list);
  for (const p of merged) {
    p.status = ProposalStatus.MERGED;
    p.mergedInto = target as never;
    event(ctx, p, ProposalAction.MERGED, target.subject);
    event(ctx, target, ProposalAction.MERGED_IN, p.subject);
  }
  target.updatedAt = new Date();
  return flushOutcome(ctx, target);
}

const RATED: Record<Satisfaction, ProposalAction> = {
  SATISFIED: ProposalAction.RATED_SATISFIED,
  BASICALLY_SATISFIED: ProposalAction.RATED_BASICALLY_SATISFIED,
  DISSATISFIED: ProposalAction.RATED_DISSATISFIED,
};

/**
 * A proposer rates a reply, named by its id: a lead unit's reply of the proposal's current round (an earlier round's
 * was rated already). The proposers of the proposal it answers decide its course: once every reply of the round is
 * rated, satisfied or basically satisfied closes it; a dissatisfied one in round 1 sends that reply's unit one
 * re-handling round (`PROPOSAL_REHANDLING_DAYS`), in round 2 closes it as dissatisfied. The proposers of a proposal
 * merged into it rate the same replies for their own proposal: recorded, and counted in the unit evaluation.
 */
export async function rateReply(ctx: RequestContext, input: RateReplyInput): Promise<Outcome<Proposal>> {
  const problems = new Problems();
  const id = idOf(problems, 'input.replyId', input.replyId, 'ProposalReply');
  const reply = id ? await ctx.em.findOne(ProposalReply, id) : null;
  const proposal = reply ? await ctx.em.findOne(Proposal, reply.proposal.id) : null;
  if (!reply || !proposal) return refused(problems.any ? problems.list : [new NotFoundError('input.replyId', 'No such reply.')]);
  const member = await viewerMember(ctx);
  const forMerged = member && !proposal.proposerIds.includes(member.id) ? await mergedProposedBy(ctx, proposal, member) : null;
  const found = await mayTake(ctx, proposal, forMerged ? 'RATE_MERGED' : 'RATE', 'input.replyId');
  if ('refusal' in found) {
    // A reply the viewer may not see does not exist for it either.
    return refused(found.refusal.map((e) => (e instanceof NotFoundError ? new NotFoundError('input.replyId', 'No such reply.') : e)));
  }
  if (!reply.isLead) return refused([new InvalidInputError('input.replyId', 'A co-handling unit’s opinion is not rated: rate the lead unit’s reply.')]);
  if (reply.round !== proposal.round) {
    return refused([new InvalidInputError('input.replyId', `This reply answers round ${reply.round}, rated already: rate the reply of round ${proposal.round}.`)]);
  }
  const ratedFor = forMerged ?? proposal;
  if (await ctx.em.count(ReplyRating, { reply: reply.id, proposal: ratedFor.id })) {
    return refused([new DuplicateError('input.replyId', 'This reply is rated already for this proposal.')]);
  }
  const today = zoneToday();
  ctx.em.create(ReplyRating, {
    reply,
    proposal: ratedFor,
    rating: input.rating,
    attitude: input.attitude ?? input.rating,
    result: input.result ?? input.rating,
    ratedOn: today,
    ratedBy: actorOf(ctx),
  } as never);
  if (forMerged) {
    forMerged.updatedAt = new Date();
    event(ctx, forMerged, RATED[input.rating], proposal.subject);
    return flushOutcome(ctx, proposal);
  }
  reply.rating = input.rating;
  reply.ratedOn = today;
  const round = await ctx.em.find(ProposalReply, { proposal: proposal.id, round: proposal.round });
  if (round.every((r) => r.rating !== null)) {
    const dissatisfied = round.some((r) => r.rating === Satisfaction.DISSATISFIED);
    if (dissatisfied && proposal.round < LAST_ROUND) {
      proposal.status = ProposalStatus.ASSIGNED;
      proposal.round += 1;
      proposal.roundStartedOn = today;
      proposal.dueOn = addDays(today, HANDLING_TIMES.rehandlingDays);
    } else {
      proposal.status = ProposalStatus.CLOSED;
    }
  } else {
    proposal.updatedAt = new Date();
  }
  event(ctx, proposal, RATED[input.rating]);
  const outcome = await flushOutcome(ctx, proposal);
  if (outcome.value && proposal.status === ProposalStatus.CLOSED) {
    // Its requests are answered, and those of the proposals merged into it.
    const merged = await ctx.em.find(Proposal, { mergedInto: proposal.id }, { fields: ['requestIds'] });
    const requestIds = [...proposal.requestIds, ...merged.flatMap((m) => m.requestIds)];
    if (requestIds.length) await ctx.em.nativeUpdate(PolicyRequest, { id: { $in: requestIds } }, { status: PolicyRequestStatus.ANSWERED });
  }
  return outcome;
}

/**
 * Rates the reply that answers `proposalId` now (its lead unit's of the current round): the form of `rateReply` before
 * API v1, which named the proposal rather than the reply.
 */
export async function rateProposalAnswer(ctx: RequestContext, proposalId: string, rating: Satisfaction): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, proposalId, 'RATE');
  if ('refusal' in found) return refused(found.refusal);
  const answer = await ctx.em.findOne(ProposalReply, { proposal: found.proposal.id, isLead: true, round: found.proposal.round, unit: found.proposal.leadUnit?.id ?? null });
  if (!answer) return refused([transitionNotAllowed('input.proposalId', `Round ${found.proposal.round} of this proposal has no reply to rate yet.`)]);
  return rateReply(ctx, { replyId: toGlobalId('ProposalReply', answer.id), rating });
}

/**
 * Carries a proposal one or more levels up: a member who sits on the higher committee resubmits it there (or, with
 * `isAdoptedByParty`, its party adopts it). The new proposal is a draft of that member, with the same texts, requests
 * and frozen evidence, linked to the one it came from.
 */
export async function escalateProposal(ctx: RequestContext, input: EscalateProposalInput): Promise<Outcome<Proposal>> {
  const found = await forAction(ctx, input.proposalId, 'ESCALATE');
  if ('refusal' in found) return refused(found.refusal);
  const { proposal, member } = found;
  const { level } = input;
  if (!member) return refused([notPermitted(null, 'Your token names no CPPCC member.')]);
  if (!isServing(member)) return refused([retired(null, member)]);
  if (LEVEL_ORDER.indexOf(level) <= LEVEL_ORDER.indexOf(proposal.level)) {
    return refused([new InvalidInputError('input.level', `A ${proposal.level} proposal goes up to a higher level, not ${level}.`)]);
  }
  if (!member.levels.includes(level)) return refused([notPermitted('input.level', `${member.name} does not sit on the ${level} committee.`)]);
  if (input.isAdoptedByParty && !member.party) return refused([new InvalidInputError('input.isAdoptedByParty', `${member.name} belongs to no party.`)]);
  const higher = ctx.em.create(Proposal, {
    level,
    subject: proposal.subject,
    reasons: proposal.reasons,
    recommendations: proposal.recommendations,
    proposerKind: input.isAdoptedByParty ? ProposerKind.PARTY : ProposerKind.MEMBERS,
    proposerIds: [member.id],
    party: input.isAdoptedByParty ? member.party : null,
    requestIds: proposal.requestIds,
    isComplex: proposal.isComplex,
    escalatedFrom: proposal,
    drafterId: member.id,
  } as never);
  for (const e of await ctx.em.find(ProposalEvidence, { proposal }, { orderBy: { attachedAt: 'asc', id: 'asc' } })) {
    ctx.em.create(ProposalEvidence, {
      proposal: higher,
      kind: e.kind,
      title: e.title,
      isNamingEnterprises: e.isNamingEnterprises,
      source: e.source,
      snapshot: e.snapshot,
      attachedAt: e.attachedAt,
      attachedBy: e.attachedBy,
    } as never);
  }
  event(ctx, higher, ProposalAction.DRAFTED, `escalated from the ${proposal.level} proposal`);
  event(ctx, proposal, ProposalAction.ESCALATED, level);
  return flushOutcome(ctx, higher);
}
