import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { fromGlobalId } from '../../common/global-id';
import { Connection, ForwardPageArgs, type Page } from '../../common/pagination';
import { Payload } from '../../common/payload';
import { Enterprise } from '../enterprise/enterprise.entity';
import { EnterpriseConnection } from '../enterprise/enterprise.resolver';
import { zoneToday } from '../../clock';
import {
  CoHandlerOpinion,
  CppccLevel,
  CppccMember,
  HandlingUnit,
  Party,
  PolicyRequest,
  Proposal,
  ProposalEvent,
  ProposalEvidence,
  ProposalReply,
  ProposalStatus,
  Publication,
  RejectionGround,
  ReplyRating,
  Satisfaction,
  Sector,
} from './cppcc.entity';
import { findHandlingUnits, findMembers, findPolicyRequests, findProposals, handlingUnitScores, proposalVisibleSql, unitEvaluation } from './cppcc.queries';
import {
  assignProposal,
  attachEvidence,
  cosignProposal,
  decideExtension,
  draftProposal,
  escalateProposal,
  filePolicyRequest,
  mergeProposals,
  rateProposalAnswer,
  rateReply,
  replyToProposal,
  requestExtension,
  returnProposal,
  reviewProposal,
  submitCoHandlerOpinion,
  submitProposal,
  superviseProposal,
  updateProposal,
  withdrawProposal,
} from './cppcc.service';
import {
  AssignProposalInput,
  AttachEvidenceInput,
  BOUNDS,
  CosignProposalInput,
  CppccMemberFilter,
  DecideExtensionInput,
  DraftProposalInput,
  EscalateProposalInput,
  FilePolicyRequestInput,
  HandlingUnitScore,
  JSONObjectScalar,
  MergeProposalsInput,
  PolicyRequestFilter,
  ProposalExtension,
  ProposalFilter,
  ProposalSession,
  ProposalSupervision,
  RateReplyInput,
  ReplyToProposalInput,
  RequestExtensionInput,
  ReturnProposalInput,
  ReviewProposalInput,
  SubmitCoHandlerOpinionInput,
  SubmitProposalInput,
  SuperviseProposalInput,
  UnitEvaluation,
  UpdateProposalInput,
  WithdrawProposalInput,
} from './cppcc.types';
import { pagedList } from '../../db/paged-list';
import { DateScalar } from '../../common/scalars';
import { eitherForm, legacy, LEGACY_REMOVAL, withForm } from '../../common/legacy-args';
import { CATEGORY_OF, legacyDecision, ReplyResult, ReviewDecision } from './legacy';
import { each, follows, many, one, prefetch } from '../../db/read-plan';

/** A timestamp as a sort key: text in UTC to the microsecond, which sorts as the instants do (a JavaScript Date keeps milliseconds only). */
const instant = (column: string) => ({ sql: `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, type: 'text' as const });
const ID_KEY = { sql: 't.id', type: 'uuid' as const };

/** The members who co-signed a proposal, in the order they signed. */
const COSIGNERS = pagedList({
  name: 'Proposal.cosigners',
  entity: CppccMember,
  rows: (_ctx, parentIds) => ({
    from: `proposal p cross join lateral unnest(p.cosigner_ids) with ordinality as x(member_id, position)
           join cppcc_member t on t.id = x.member_id::uuid where p.id = any(${parentIds})`,
    parent: 'p.id',
    bindings: [],
  }),
  keys: [{ sql: 'x.position', type: 'int' }],
});

/** The higher-level proposals that carry a proposal up, oldest first: those the viewer may read. */
const ESCALATIONS = pagedList({
  name: 'Proposal.escalations',
  entity: Proposal,
  rows: (ctx, parentIds) => {
    const visible = proposalVisibleSql(ctx, 't');
    return { from: `proposal t where t.escalated_from_id = any(${parentIds}) and ${visible.sql}`, parent: 't.escalated_from_id', bindings: visible.bindings };
  },
  keys: [instant('t.created_at'), ID_KEY],
});

const EVIDENCE = pagedList({
  name: 'Proposal.evidence',
  entity: ProposalEvidence,
  rows: (_ctx, parentIds) => ({ from: `proposal_evidence t where t.proposal_id = any(${parentIds})`, parent: 't.proposal_id', bindings: [] }),
  keys: [instant('t.attached_at'), ID_KEY],
});

const TIMELINE = pagedList({
  name: 'Proposal.timeline',
  entity: ProposalEvent,
  rows: (_ctx, parentIds) => ({ from: `proposal_event t where t.proposal_id = any(${parentIds})`, parent: 't.proposal_id', bindings: [] }),
  keys: [instant('t.occurred_at'), ID_KEY],
});

/** Replies by round, lead units' first, then by the day given and the moment recorded. */
const REPLIES = pagedList({
  name: 'Proposal.replies',
  entity: ProposalReply,
  rows: (_ctx, parentIds) => ({ from: `proposal_reply t where t.proposal_id = any(${parentIds})`, parent: 't.proposal_id', bindings: [] }),
  keys: [
    { sql: 't.round', type: 'int' },
    { sql: 'case when t.is_lead then 0 else 1 end', type: 'int' },
    { sql: `to_char(t.replied_on, 'YYYY-MM-DD')`, type: 'text' },
    // Split lead units reply on the same day as often as not: then in the order they replied.
    instant('t.created_at'),
    ID_KEY,
  ],
});

/** The enterprises a policy request concerns, in the order it names them. */
const REQUEST_ENTERPRISES = pagedList({
  name: 'PolicyRequest.enterprises',
  entity: Enterprise,
  rows: (_ctx, parentIds) => ({
    from: `policy_request p cross join lateral unnest(p.enterprise_ids) with ordinality as x(enterprise_id, position)
           join enterprise t on t.id = x.enterprise_id::uuid where p.id = any(${parentIds})`,
    parent: 'p.id',
    bindings: [],
  }),
  keys: [{ sql: 'x.position', type: 'int' }],
});

/** The proposals carrying a policy request, oldest first: those the viewer may read. */
const REQUEST_PROPOSALS = pagedList({
  name: 'PolicyRequest.proposals',
  entity: Proposal,
  rows: (ctx, parentIds) => {
    const visible = proposalVisibleSql(ctx, 't');
    return {
      from: `unnest(${parentIds}) as r(id) join proposal t on r.id::text = any(t.request_ids) where ${visible.sql}`,
      parent: 'r.id',
      bindings: visible.bindings,
    };
  },
  keys: [instant('t.created_at'), ID_KEY],
});

/** Every reply of a proposal, as `Proposal.replies` orders them: `answer` picks the lead unit's latest. */
const ALL_REPLIES = many(ProposalReply, 'proposal', { round: 'asc', isLead: 'desc', repliedOn: 'asc', createdAt: 'asc', id: 'asc' });

/** The co-handling units' opinions of a proposal, by round, then in the order they were sent. */
const OPINIONS = many(CoHandlerOpinion, 'proposal', { round: 'asc', createdAt: 'asc', id: 'asc' });

/** What the fields of proposals, members and requests read (src/db/read-plan.ts): their lists read it ahead. */
const PROPOSAL = follows('Proposal', {
  proposers: each(CppccMember, 'proposerIds'),
  cosigners: COSIGNERS.follow,
  sector: one(Sector, 'sector'),
  party: one(Party, 'party'),
  requests: each(PolicyRequest, 'requestIds'),
  leadUnit: one(HandlingUnit, 'leadUnit'),
  leadUnits: each(HandlingUnit, 'leadUnitIds'),
  coHandlers: each(HandlingUnit, 'coHandlerIds'),
  coHandlerOpinions: OPINIONS,
  // With its replies: a merged proposal's answers are the ones of the proposal it was merged into.
  mergedInto: { path: [one(Proposal, 'mergedInto')], also: [[ALL_REPLIES]] },
  merged: many(Proposal, 'mergedInto', { createdAt: 'asc', id: 'asc' }),
  escalatedFrom: one(Proposal, 'escalatedFrom'),
  escalations: ESCALATIONS.follow,
  evidence: EVIDENCE.follow,
  timeline: TIMELINE.follow,
  replies: REPLIES.follow,
  answer: ALL_REPLIES,
  // A merged proposal's answers are those of the proposal it was merged into: its resolver reads them, batched.
  answers: ALL_REPLIES,
});
const REPLY = follows('ProposalReply', { unit: one(HandlingUnit, 'unit'), ratings: many(ReplyRating, 'reply', { createdAt: 'asc', id: 'asc' }) });
const RATING = follows('ReplyRating', { proposal: one(Proposal, 'proposal') });
const OPINION = follows('CoHandlerOpinion', { unit: one(HandlingUnit, 'unit') });
const MEMBER = follows('CppccMember', { sector: one(Sector, 'sector'), party: one(Party, 'party') });
follows('PolicyRequest', { enterprises: REQUEST_ENTERPRISES.follow, proposals: REQUEST_PROPOSALS.follow });

@ObjectType('ProposalConnection', { description: 'A page of proposals (提案).' })
export class ProposalConnection extends Connection(Proposal, 'Proposal') {}

@ObjectType('CppccMemberConnection', { description: 'A page of CPPCC members.' })
export class CppccMemberConnection extends Connection(CppccMember, 'CppccMember') {}

@ObjectType('PolicyRequestConnection', { description: 'A page of policy requests.' })
export class PolicyRequestConnection extends Connection(PolicyRequest, 'PolicyRequest') {}

@ObjectType('HandlingUnitConnection', { description: 'A page of handling units.' })
export class HandlingUnitConnection extends Connection(HandlingUnit, 'HandlingUnit') {}

@ObjectType('HandlingUnitScoreConnection', { description: 'A page of handling units’ scores (民主评议).' })
export class HandlingUnitScoreConnection extends Connection(HandlingUnitScore, 'HandlingUnitScore') {}

@ObjectType('ProposalEventConnection', { description: 'A page of a proposal’s timeline.' })
export class ProposalEventConnection extends Connection(ProposalEvent, 'ProposalEvent') {}

@ObjectType('ProposalReplyConnection', { description: 'A page of a proposal’s replies.' })
export class ProposalReplyConnection extends Connection(ProposalReply, 'ProposalReply') {}

@ObjectType('ProposalEvidenceConnection', { description: 'A page of a proposal’s evidence.' })
export class ProposalEvidenceConnection extends Connection(ProposalEvidence, 'ProposalEvidence') {}

/** The errors a mutation may return, as its description's last line says them (API v1 convention 9). */
const errors = (...types: string[]) => `Errors: ${[...types].sort().join(', ')}.`;

export const ProposalPayload = Payload('ProposalPayload', 'proposal', Proposal, 'The proposal after the step (for `escalateProposal`: the new, higher-level draft).');
export const PolicyRequestPayload = Payload('PolicyRequestPayload', 'policyRequest', PolicyRequest, 'The request filed.');

@Resolver(() => Proposal)
export class ProposalResolver {
  @Authorized()
  @Query(() => ProposalConnection, { description: 'Proposals, newest first: those the viewer may read.' })
  async proposals(
    @Ctx() ctx: RequestContext,
    @Args() page: ForwardPageArgs,
    @Arg('filter', () => ProposalFilter, { nullable: true, description: 'Which proposals; all the viewer may read when omitted.' }) filter: ProposalFilter | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Proposal>> {
    const found = await findProposals(ctx, filter, page);
    await prefetch(ctx, info, Proposal, found.edges.map((e) => e.node));
    return found;
  }

  @Authorized()
  @Query(() => Proposal, { nullable: true, description: 'The proposal with this id; null when there is none the viewer may read.' })
  async proposal(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The proposal’s global id.' }) id: string,
    @Info() info: GraphQLResolveInfo,
  ) {
    const parsed = fromGlobalId(id);
    const found = parsed?.type === 'Proposal' ? await ctx.loaders.byId(Proposal).load(parsed.id) : null;
    if (found) await prefetch(ctx, info, Proposal, [found], { unscreened: true });
    return found;
  }

  @Authorized()
  @Mutation(() => ProposalPayload, {
    description: `A member drafts a proposal at a level it sits on: alone, jointly, or for its sector, party or a special committee.\n\n${errors('InvalidInputError', 'NotFoundError', 'NotPermittedError')}`,
  })
  async draftProposal(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The draft.' }) input: DraftProposalInput) {
    return ProposalPayload.from(await draftProposal(ctx, input));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, {
    description: `A proposer changes a draft; refused unless \`version\` is the current one, so two editors never overwrite each other.\n\n${errors('InvalidInputError', 'NotFoundError', 'NotPermittedError', 'StaleVersionError', 'TransitionNotAllowedError')}`,
  })
  async updateProposal(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The draft, its version and the changes.' }) input: UpdateProposalInput) {
    return ProposalPayload.from(await updateProposal(ctx, input));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, {
    description: `A proposer attaches evidence to a draft, frozen as the registry shows it now.\n\n${errors('InvalidInputError', 'NotFoundError', 'NotPermittedError', 'TransitionNotAllowedError')}`,
  })
  async attachEvidence(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The draft and what to freeze.' }) input: AttachEvidenceInput) {
    return ProposalPayload.from(await attachEvidence(ctx, input));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, {
    description: `Another member of its committee co-signs a draft (联名).\n\n${errors('DuplicateError', 'InvalidInputError', 'NotFoundError', 'NotPermittedError', 'TransitionNotAllowedError')}`,
  })
  async cosignProposal(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CosignProposalInput, { nullable: true, description: 'The draft. Required unless the deprecated `id` is given.' }) input: CosignProposalInput | null,
    @Arg('id', () => ID, legacy('proposalId')) id: string | null,
  ) {
    const chosen = eitherForm(input, { id }, () => ({ proposalId: id! }));
    return ProposalPayload.from(await withForm(chosen, (i) => cosignProposal(ctx, i), { 'input.proposalId': 'id' }));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, {
    description: `A proposer submits a draft (提交): from then on it changes only through the workflow.\n\n${errors('InvalidInputError', 'NotFoundError', 'NotPermittedError', 'StaleVersionError', 'TransitionNotAllowedError')}`,
  })
  async submitProposal(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SubmitProposalInput, { nullable: true, description: 'The draft and its version. Required unless the deprecated `id` and `version` are given.' })
    input: SubmitProposalInput | null,
    @Arg('id', () => ID, legacy('proposalId')) id: string | null,
    @Arg('version', () => Int, legacy('version')) version: number | null,
  ) {
    const chosen = eitherForm(input, { id, version }, () => (id == null || version == null ? { missing: [id == null ? 'id' : 'version'] } : { proposalId: id, version }));
    return ProposalPayload.from(await withForm(chosen, (i) => submitProposal(ctx, i), { 'input.proposalId': 'id', 'input.version': 'version' }));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, {
    description: `The proposals office reviews a submitted proposal: accepts it (立案, possibly as a key proposal), rejects it on a ground (不予立案), or converts it into a member letter or a social-condition report.\n\n${errors('InvalidInputError', 'NotFoundError', 'NotPermittedError', 'StaleVersionError', 'TransitionNotAllowedError')}`,
  })
  async reviewProposal(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ReviewProposalInput, { nullable: true, description: 'The proposal and the decision. Required unless the deprecated `id` and `decision` are given.' })
    input: ReviewProposalInput | null,
    @Arg('id', () => ID, legacy('proposalId')) id: string | null,
    @Arg('decision', () => ReviewDecision, legacy('decision', 'one of accept, reject, convertToLetter, convertToReport'))
    decision: ReviewDecision | null,
    @Arg('reason', () => String, legacy('decision.accept.reason', 'or the reason of reject or convertToLetter, or convertToReport.report')) reason: string | null,
    @Arg('ground', () => RejectionGround, legacy('decision.reject.ground')) ground: RejectionGround | null,
    @Arg('key', () => Boolean, legacy('decision.accept.isKey')) key: boolean | null,
  ) {
    const chosen = eitherForm(input, { id, decision, reason, ground, key }, () => {
      if (id == null || decision == null) return { missing: [id == null ? 'id' : 'decision'] };
      const d = legacyDecision(decision, { reason, ground, key });
      return 'missing' in d ? d : { proposalId: id, decision: d };
    });
    const paths = { 'input.proposalId': 'id', 'input.decision.reject.ground': 'ground', 'input.decision.accept.isKey': 'key', 'input.decision': 'reason' };
    return ProposalPayload.from(await withForm(chosen, (i) => reviewProposal(ctx, i), paths));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, {
    description: `The office assigns an accepted proposal (交办) to a lead unit, or several each owning a part (分办: \`splitWithUnitIds\`), and co-handlers of its level; the reply is due in 3 months (6 if complex).\n\n${errors('InvalidInputError', 'NotFoundError', 'NotPermittedError', 'TransitionNotAllowedError')}`,
  })
  async assignProposal(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AssignProposalInput, { nullable: true, description: 'The proposal and its units. Required unless the deprecated `id` and `lead` are given.' })
    input: AssignProposalInput | null,
    @Arg('id', () => ID, legacy('proposalId')) id: string | null,
    @Arg('lead', () => ID, legacy('leadUnitId')) lead: string | null,
    @Arg('coHandlers', () => [ID], legacy('coHandlerIds')) coHandlers: string[] | null,
  ) {
    const chosen = eitherForm(input, { id, lead, coHandlers }, () =>
      id == null || lead == null ? { missing: [id == null ? 'id' : 'lead'] } : { proposalId: id, leadUnitId: lead, coHandlerIds: coHandlers ?? [] },
    );
    const paths = { 'input.proposalId': 'id', 'input.leadUnitId': 'lead', 'input.coHandlerIds': 'coHandlers' };
    return ProposalPayload.from(await withForm(chosen, (i) => assignProposal(ctx, i), paths));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, {
    description: `A lead unit replies, once a round: REPLIED once every lead unit of the round replied (several when split, 分办). A co-handling unit is refused (NOT_PERMITTED): it uses \`submitCoHandlerOpinion\`.\n\n${errors('DuplicateError', 'InvalidInputError', 'NotFoundError', 'NotPermittedError', 'TransitionNotAllowedError')}`,
  })
  async replyToProposal(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ReplyToProposalInput, { nullable: true, description: 'The proposal and the reply. Required unless the deprecated `id`, `result` and `text` are given.' })
    input: ReplyToProposalInput | null,
    @Arg('id', () => ID, legacy('proposalId')) id: string | null,
    @Arg('result', () => ReplyResult, legacy('category')) result: ReplyResult | null,
    @Arg('text', () => String, legacy('text')) text: string | null,
  ) {
    // The old form had no signer nor publication: the unit's name signs it, and it is not published (as replies
    // given before they were asked are migrated).
    const unitId = ctx.access.actingFor('HandlingUnit');
    const signer = input || !unitId ? '' : ((await ctx.em.findOne(HandlingUnit, unitId))?.name ?? '');
    const chosen = eitherForm(input, { id, result, text }, () => {
      const missing = Object.entries({ id, result, text }).filter(([, v]) => v == null).map(([k]) => k);
      return missing.length
        ? { missing }
        : { proposalId: id!, category: CATEGORY_OF[result!], text: text!, signedBy: signer, publication: Publication.NOT_PUBLIC };
    });
    const paths = { 'input.proposalId': 'id', 'input.category': 'result', 'input.text': 'text' };
    return ProposalPayload.from(await withForm(chosen, (i) => replyToProposal(ctx, i), paths));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, {
    description: `A proposer rates a reply of the current round, overall and, separately, its attitude and result (民主评议). Once every reply of the round is rated: satisfied or basically satisfied closes the proposal; a dissatisfied reply in round 1 is handled once more by its unit (重新办理, due in \`PROPOSAL_REHANDLING_DAYS\`, 30 by default), in round 2 the proposal closes as dissatisfied. The proposers of a proposal merged into it rate its replies too (recorded for their proposal).\n\n${errors('DuplicateError', 'InvalidInputError', 'NotFoundError', 'NotPermittedError', 'TransitionNotAllowedError')}`,
  })
  async rateReply(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RateReplyInput, { nullable: true, description: 'The reply and the rating. Required unless the deprecated `id` and `rating` are given.' })
    input: RateReplyInput | null,
    @Arg('id', () => ID, legacy('replyId', 'the reply, `Proposal.answer.id`; this argument took the proposal and rated the reply of its current round'))
    id: string | null,
    @Arg('rating', () => Satisfaction, legacy('rating')) rating: Satisfaction | null,
  ) {
    // The old form named the proposal: the reply rated is its lead unit's of the current round.
    const chosen = eitherForm<RateReplyInput | { proposalId: string; rating: Satisfaction }>(input, { id, rating }, () =>
      id == null || rating == null ? { missing: [id == null ? 'id' : 'rating'] } : { proposalId: id, rating },
    );
    const paths = { 'input.proposalId': 'id', 'input.replyId': 'id', 'input.rating': 'rating' };
    return ProposalPayload.from(await withForm(chosen, (i) => ('replyId' in i ? rateReply(ctx, i) : rateProposalAnswer(ctx, i.proposalId, i.rating)), paths));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, {
    description: `A member of a higher committee carries a proposal up: a new draft there, linked to it, with its texts, requests and evidence.\n\n${errors('InvalidInputError', 'NotFoundError', 'NotPermittedError', 'TransitionNotAllowedError')}`,
  })
  async escalateProposal(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => EscalateProposalInput, { nullable: true, description: 'The proposal and the level to carry it to. Required unless the deprecated `id` and `level` are given.' })
    input: EscalateProposalInput | null,
    @Arg('id', () => ID, legacy('proposalId')) id: string | null,
    @Arg('level', () => CppccLevel, legacy('level')) level: CppccLevel | null,
    @Arg('asParty', () => Boolean, legacy('isAdoptedByParty')) asParty: boolean | null,
  ) {
    const chosen = eitherForm(input, { id, level, asParty }, () =>
      id == null || level == null ? { missing: [id == null ? 'id' : 'level'] } : { proposalId: id, level, isAdoptedByParty: asParty ?? false },
    );
    const paths = { 'input.proposalId': 'id', 'input.level': 'level', 'input.isAdoptedByParty': 'asParty' };
    return ProposalPayload.from(await withForm(chosen, (i) => escalateProposal(ctx, i), paths));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, {
    description: `A proposer withdraws a proposal (撤案) before it is assigned: WITHDRAWN; the policy requests no other submitted proposal carries are open again.\n\n${errors('InvalidInputError', 'NotFoundError', 'NotPermittedError', 'TransitionNotAllowedError')}`,
  })
  async withdrawProposal(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The proposal and the reason.' }) input: WithdrawProposalInput) {
    return ProposalPayload.from(await withdrawProposal(ctx, input));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, {
    description: `The proposals office merges accepted proposals into another (并案), accepted or already assigned, of the same level: each becomes MERGED and follows it, its proposers receiving its replies and rating them.\n\n${errors('InvalidInputError', 'NotFoundError', 'NotPermittedError', 'TransitionNotAllowedError')}`,
  })
  async mergeProposals(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The proposal handled for them all, and those merged into it.' }) input: MergeProposalsInput) {
    return ProposalPayload.from(await mergeProposals(ctx, input));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, {
    description: `The lead unit returns a proposal (退办) as outside its remit, within PROPOSAL_RETURN_DAYS (10 by default) of its assignment: ACCEPTED again, for the office to assign anew.\n\n${errors('InvalidInputError', 'NotFoundError', 'NotPermittedError', 'TransitionNotAllowedError')}`,
  })
  async returnProposal(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The proposal and the reasons.' }) input: ReturnProposalInput) {
    return ProposalPayload.from(await returnProposal(ctx, input));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, {
    description: `The lead unit asks for more time (延期办理), to a day at most 6 months from assignment; the office decides (\`decideExtension\`).\n\n${errors('DuplicateError', 'InvalidInputError', 'NotFoundError', 'NotPermittedError', 'TransitionNotAllowedError')}`,
  })
  async requestExtension(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The proposal, the day and the reasons.' }) input: RequestExtensionInput) {
    return ProposalPayload.from(await requestExtension(ctx, input));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, {
    description: `The proposals office decides a pending request for more time: approved, the reply is due by the day asked for; refused, the due date stays.\n\n${errors('InvalidInputError', 'NotFoundError', 'NotPermittedError', 'TransitionNotAllowedError')}`,
  })
  async decideExtension(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The proposal and the decision.' }) input: DecideExtensionInput) {
    return ProposalPayload.from(await decideExtension(ctx, input));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, {
    description: `The proposals office makes an accepted proposal a key proposal (重点提案), supervised (督办) by the leaders it names.\n\n${errors('InvalidInputError', 'NotFoundError', 'NotPermittedError', 'TransitionNotAllowedError')}`,
  })
  async superviseProposal(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The proposal and its supervising leaders.' }) input: SuperviseProposalInput) {
    return ProposalPayload.from(await superviseProposal(ctx, input));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, {
    description: `A co-handling unit sends the lead units its opinion (会办意见), once a round, while the proposal is ASSIGNED: no category, not sent to the proposers. After \`CO_HANDLER_OPINION_DAYS\` (30 by default) from the start of the round it is accepted, marked late.\n\n${errors('DuplicateError', 'InvalidInputError', 'NotFoundError', 'NotPermittedError', 'TransitionNotAllowedError')}`,
  })
  async submitCoHandlerOpinion(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The proposal and the opinion.' }) input: SubmitCoHandlerOpinionInput) {
    return ProposalPayload.from(await submitCoHandlerOpinion(ctx, input));
  }

  // ── fields ──

  @FieldResolver(() => ProposalSession, { nullable: true, description: 'The session (届次, 次会议) it is for; null for a draft that names none (it is set when submitted).' })
  session(@Root() p: Proposal): ProposalSession | null {
    if (p.sessionTerm === null || p.sessionNumber === null) return null;
    return Object.assign(new ProposalSession(), { term: p.sessionTerm, sessionNumber: p.sessionNumber, isDuringPlenary: p.isDuringPlenary ?? false });
  }

  @FieldResolver(() => ProposalExtension, { nullable: true, description: 'The lead unit’s latest request for more time (延期办理) and the office’s decision; null when it asked for none.' })
  extension(@Root() p: Proposal): ProposalExtension | null {
    if (!p.extensionUntil || !p.extensionDecision) return null;
    return Object.assign(new ProposalExtension(), {
      requestedUntil: p.extensionUntil,
      reason: p.extensionReason ?? '',
      requestedAt: p.extensionRequestedAt!,
      decision: p.extensionDecision,
      decidedAt: p.extensionDecidedAt,
      note: p.extensionNote,
    });
  }

  @FieldResolver(() => ProposalSupervision, { nullable: true, description: 'Its supervision (督办) as a key proposal; null unless it is one.' })
  supervision(@Root() p: Proposal): ProposalSupervision | null {
    if (!p.isKey || !p.supervisedAt) return null;
    return Object.assign(new ProposalSupervision(), { leaders: p.supervisionLeaders ?? [], note: p.supervisionNote, designatedAt: p.supervisedAt });
  }

  @FieldResolver(() => [CppccMember], { description: `The members proposing it (for a sector, party or committee: those who drafted it), the drafter first: at most ${BOUNDS.proposers}.` })
  proposers(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<CppccMember>(PROPOSAL.proposers, p);
  }

  @FieldResolver(() => CppccMemberConnection, { description: 'The members who co-signed it (联名), in the order they signed.' })
  cosigners(@Root() p: Proposal, @Ctx() ctx: RequestContext, @Args() page: ForwardPageArgs) {
    return COSIGNERS.load(ctx, p.id, page);
  }

  @FieldResolver(() => Sector, { nullable: true, description: 'The sector proposing it; null unless `proposerKind` is SECTOR.' })
  sector(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PROPOSAL.sector, p);
  }

  @FieldResolver(() => Party, { nullable: true, description: 'The party proposing it; null unless `proposerKind` is PARTY.' })
  party(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PROPOSAL.party, p);
  }

  @FieldResolver(() => [PolicyRequest], { description: `The policy requests it carries: at most ${BOUNDS.requests}.` })
  requests(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<PolicyRequest>(PROPOSAL.requests, p);
  }

  @FieldResolver(() => HandlingUnit, { nullable: true, description: 'The lead unit (主办单位), whose reply answers it; null until assigned.' })
  leadUnit(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PROPOSAL.leadUnit, p);
  }

  @FieldResolver(() => [HandlingUnit], {
    description: `Every lead unit (主办单位), \`leadUnit\` first: several when split (分办), each replying on its own; at most ${BOUNDS.leadUnits}. Empty until assigned.`,
  })
  leadUnits(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<HandlingUnit>(PROPOSAL.leadUnits, p);
  }

  @FieldResolver(() => [HandlingUnit], { description: `The co-handling units (会办单位), which give the lead units their opinions: at most ${BOUNDS.coHandlers}.` })
  coHandlers(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<HandlingUnit>(PROPOSAL.coHandlers, p);
  }

  @FieldResolver(() => [CoHandlerOpinion], {
    nullable: true,
    description: `The co-handling units’ opinions (会办意见), by round: at most ${BOUNDS.coHandlers} a round. A lead unit, the office and the zone’s administrators read them all, a co-handling unit its own; members, to whom they are not sent, none.`,
  })
  async coHandlerOpinions(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<CoHandlerOpinion>(PROPOSAL.coHandlerOpinions, p);
  }

  @FieldResolver(() => Proposal, { nullable: true, description: 'The proposal it was merged into (并案), handled for both; null unless MERGED.' })
  mergedInto(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PROPOSAL.mergedInto.path[0]!, p);
  }

  @FieldResolver(() => [Proposal], { description: `The proposals merged into it (并案), oldest first: at most ${BOUNDS.merged}. Their proposers receive its replies and rate them.` })
  merged(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<Proposal>(PROPOSAL.merged, p);
  }

  @FieldResolver(() => Boolean, { description: 'Is it with its units and past its due date (the day after `dueOn`, Asia/Shanghai)?' })
  isOverdue(@Root() p: Proposal): boolean {
    return p.status === ProposalStatus.ASSIGNED && p.dueOn !== null && p.dueOn < zoneToday();
  }

  @FieldResolver(() => Proposal, { nullable: true, description: 'The lower-level proposal this one carries up; null when it was drafted at this level.' })
  escalatedFrom(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PROPOSAL.escalatedFrom, p);
  }

  @FieldResolver(() => ProposalConnection, { description: 'The higher-level proposals that carry this one up, oldest first (those the viewer may read).' })
  escalations(@Root() p: Proposal, @Ctx() ctx: RequestContext, @Args() page: ForwardPageArgs) {
    return ESCALATIONS.load(ctx, p.id, page);
  }

  @FieldResolver(() => ProposalEvidenceConnection, { description: 'The evidence attached, oldest first.' })
  evidence(@Root() p: Proposal, @Ctx() ctx: RequestContext, @Args() page: ForwardPageArgs) {
    return EVIDENCE.load(ctx, p.id, page);
  }

  @FieldResolver(() => ProposalEventConnection, { description: 'Every step, oldest first.' })
  timeline(@Root() p: Proposal, @Ctx() ctx: RequestContext, @Args() page: ForwardPageArgs) {
    return TIMELINE.load(ctx, p.id, page);
  }

  @FieldResolver(() => ProposalReplyConnection, { description: 'Every reply, by round, the lead unit’s first.' })
  replies(@Root() p: Proposal, @Ctx() ctx: RequestContext, @Args() page: ForwardPageArgs) {
    return REPLIES.load(ctx, p.id, page);
  }

  @FieldResolver(() => Boolean, { description: 'Before API v1: `isKey`.', deprecationReason: `Use isKey. Removed after ${LEGACY_REMOVAL}.` })
  key(@Root() p: Proposal): boolean {
    return p.isKey;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'Before API v1: `dueOn`.', deprecationReason: `Use dueOn. Removed after ${LEGACY_REMOVAL}.` })
  dueDate(@Root() p: Proposal): string | null {
    return p.dueOn;
  }

  @FieldResolver(() => ProposalReply, {
    nullable: true,
    description: 'This level’s answer: the lead unit’s (`leadUnit`) latest reply; null until it replied. A split proposal’s every answer: `answers`. Rate it with `rateReply`.',
  })
  async answer(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    const replies = await ctx.loaders.follow<ProposalReply>(ALL_REPLIES, p);
    const lead = p.leadUnit?.id;
    return replies.filter((r) => r.isLead && (!lead || r.unit.id === lead)).at(-1) ?? null;
  }

  @FieldResolver(() => [ProposalReply], {
    description: `The replies that answer it now: each lead unit’s latest (one, or each of a split proposal’s: at most ${BOUNDS.leadUnits}), \`leadUnits\` order. For a MERGED proposal, those of the proposal it was merged into, which its proposers rate. Empty until a lead unit replied.`,
  })
  async answers(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    const handling = p.mergedInto ? await ctx.loaders.follow<Proposal>(PROPOSAL.mergedInto.path[0]!, p) : p;
    if (!handling) return [];
    const replies = await ctx.loaders.follow<ProposalReply>(ALL_REPLIES, handling);
    return handling.leadUnitIds.flatMap((u) => replies.filter((r) => r.isLead && r.unit.id === u).slice(-1));
  }
}

@Resolver(() => ProposalReply)
export class ProposalReplyResolver {
  @FieldResolver(() => HandlingUnit, { description: 'The unit that replied.' })
  unit(@Root() r: ProposalReply, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(REPLY.unit, r);
  }

  @FieldResolver(() => [ReplyRating], {
    description: `Its ratings, oldest first: one by the proposers of the proposal it answers, and one by those of each proposal merged into it (at most ${BOUNDS.merged + 1}).`,
  })
  ratings(@Root() r: ProposalReply, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<ReplyRating>(REPLY.ratings, r);
  }
}

@Resolver(() => ReplyRating)
export class ReplyRatingResolver {
  // Never null: a rating is seen exactly when this proposal is (its row rule).
  @FieldResolver(() => Proposal, { description: 'The proposal whose proposers rated: the one the reply answers, or one merged into it.' })
  proposal(@Root() r: ReplyRating, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(RATING.proposal, r);
  }
}

@Resolver(() => CoHandlerOpinion)
export class CoHandlerOpinionResolver {
  @FieldResolver(() => HandlingUnit, { description: 'The co-handling unit that gave it.' })
  unit(@Root() o: CoHandlerOpinion, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(OPINION.unit, o);
  }
}

@Resolver(() => ProposalEvidence)
export class ProposalEvidenceResolver {
  @FieldResolver(() => JSONObjectScalar, {
    description:
      'What was asked: `{ creditCode }`, `{ instrumentId }` or `{ portfolioFilter }`, as given, when it names enterprises; ' +
      'aggregated evidence keeps only what names none (`{ enterpriseCount }`, or the filter without its credit codes and search).',
  })
  source(@Root() e: ProposalEvidence) {
    return e.source;
  }

  @FieldResolver(() => JSONObjectScalar, { description: 'What the registry answered then, frozen (its shape follows `kind`).' })
  snapshot(@Root() e: ProposalEvidence) {
    return e.snapshot;
  }
}

@Resolver(() => CppccMember)
export class CppccMemberResolver {
  @Authorized()
  @Query(() => CppccMemberConnection, { description: 'CPPCC members, by name (pinyin order).' })
  async cppccMembers(
    @Ctx() ctx: RequestContext,
    @Args() page: ForwardPageArgs,
    @Arg('filter', () => CppccMemberFilter, { nullable: true, description: 'Which members; all when omitted.' }) filter: CppccMemberFilter | null,
    @Info() info: GraphQLResolveInfo,
  ) {
    const found = await findMembers(ctx, filter, page);
    await prefetch(ctx, info, CppccMember, found.edges.map((e) => e.node));
    return found;
  }

  @Authorized()
  @Query(() => HandlingUnitConnection, { description: 'Handling units, by level (municipal first), then by name in pinyin order.' })
  handlingUnits(
    @Ctx() ctx: RequestContext,
    @Args() page: ForwardPageArgs,
    @Arg('level', () => CppccLevel, { nullable: true, description: 'Only the units of this level; every level when omitted.' }) level: CppccLevel | null,
  ) {
    return findHandlingUnits(ctx, level, page);
  }

  @Authorized()
  @Query(() => HandlingUnitScoreConnection, {
    description: 'The democratic evaluation (民主评议) of a year: each handling unit that gave lead replies in it, best satisfaction rate first (units with none rated last), then by name.',
  })
  handlingUnitScores(
    @Ctx() ctx: RequestContext,
    @Args() page: ForwardPageArgs,
    @Arg('year', () => Int, { description: 'The year the replies were given in (Asia/Shanghai).' }) year: number,
  ) {
    return handlingUnitScores(ctx, year, page);
  }

  @Authorized()
  @Query(() => [UnitEvaluation], {
    description: `The democratic evaluation report (民主评议) of a year, for the office: each handling unit that replied as a lead unit in it, with its proposals, reply categories, replies on time, attitude and result ratings and its score; best score first (units none of whose replies was rated last), then by name. Bounded by the handling units of the registry.`,
  })
  unitEvaluation(@Ctx() ctx: RequestContext, @Arg('year', () => Int, { description: 'The year the replies were given in (Asia/Shanghai).' }) year: number) {
    return unitEvaluation(ctx, year);
  }

  @FieldResolver(() => Sector, { description: 'The sector (界别) the member sits in.' })
  sector(@Root() m: CppccMember, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(MEMBER.sector, m);
  }

  @FieldResolver(() => Party, { nullable: true, description: 'The member’s party; null for a member of none.' })
  party(@Root() m: CppccMember, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(MEMBER.party, m);
  }
}

@Resolver(() => PolicyRequest)
export class PolicyRequestResolver {
  @Authorized()
  @Query(() => PolicyRequestConnection, { description: 'Policy requests, newest first (a representative: its own).' })
  async policyRequests(
    @Ctx() ctx: RequestContext,
    @Args() page: ForwardPageArgs,
    @Arg('filter', () => PolicyRequestFilter, { nullable: true, description: 'Which requests; all the viewer may read when omitted.' }) filter: PolicyRequestFilter | null,
    @Info() info: GraphQLResolveInfo,
  ) {
    const found = await findPolicyRequests(ctx, filter, page);
    await prefetch(ctx, info, PolicyRequest, found.edges.map((e) => e.node));
    return found;
  }

  @Authorized()
  @Mutation(() => PolicyRequestPayload, {
    description: `Files a need of enterprises or of the zone (a representative: of its own enterprise only).\n\n${errors('InvalidInputError', 'NotFoundError', 'NotPermittedError')}`,
  })
  async filePolicyRequest(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The request.' }) input: FilePolicyRequestInput) {
    return PolicyRequestPayload.from(await filePolicyRequest(ctx, input));
  }

  @FieldResolver(() => EnterpriseConnection, { description: 'The enterprises it concerns, in the order it names them; none for a need of the zone.' })
  enterprises(@Root() r: PolicyRequest, @Ctx() ctx: RequestContext, @Args() page: ForwardPageArgs) {
    return REQUEST_ENTERPRISES.load(ctx, r.id, page);
  }

  @FieldResolver(() => ProposalConnection, { description: 'The proposals carrying it, oldest first (those the viewer may read).' })
  proposals(@Root() r: PolicyRequest, @Ctx() ctx: RequestContext, @Args() page: ForwardPageArgs) {
    return REQUEST_PROPOSALS.load(ctx, r.id, page);
  }
}
