import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { fromGlobalId } from '../../common/global-id';
import { Connection, ForwardPageArgs, type Page } from '../../common/pagination';
import { Payload } from '../../common/payload';
import { sqlArray } from '../../common/sql';
import { Enterprise } from '../enterprise/enterprise.entity';
import { zoneToday } from '../../clock';
import {
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
  RejectionGround,
  ReplyResult,
  ReviewDecision,
  Satisfaction,
  Sector,
} from './cppcc.entity';
import { findMembers, findPolicyRequests, findProposals, handlingUnitScores } from './cppcc.queries';
import {
  assignProposal,
  attachEvidence,
  cosignProposal,
  draftProposal,
  escalateProposal,
  filePolicyRequest,
  rateReply,
  replyToProposal,
  reviewProposal,
  submitProposal,
  updateProposal,
} from './cppcc.service';
import {
  CppccMemberFilter,
  DraftProposalInput,
  EvidenceInput,
  HandlingUnitScore,
  JSONObjectScalar,
  PolicyRequestFilter,
  PolicyRequestInput,
  ProposalFilter,
  ProposalUpdateInput,
} from './cppcc.types';
import { readAll, readObjects, readRows } from '../../db/read-objects';
import { each, follows, many, one, prefetch } from '../../db/read-plan';

const REPLIES = many(ProposalReply, 'proposal', { round: 'asc', lead: 'desc', repliedOn: 'asc', id: 'asc' });

/** What the fields of proposals, members and requests read (src/db/read-plan.ts): their lists read it ahead. */
const PROPOSAL = follows('Proposal', {
  proposers: each(CppccMember, 'proposerIds'),
  cosigners: each(CppccMember, 'cosignerIds'),
  sector: one(Sector, 'sector'),
  party: one(Party, 'party'),
  requests: each(PolicyRequest, 'requestIds'),
  leadUnit: one(HandlingUnit, 'leadUnit'),
  coHandlers: each(HandlingUnit, 'coHandlerIds'),
  escalatedFrom: one(Proposal, 'escalatedFrom'),
  escalations: many(Proposal, 'escalatedFrom', { createdAt: 'asc', id: 'asc' }),
  evidence: many(ProposalEvidence, 'proposal', { attachedAt: 'asc', id: 'asc' }),
  timeline: many(ProposalEvent, 'proposal', { at: 'asc', id: 'asc' }),
  replies: REPLIES,
  answer: REPLIES,
});
const REPLY = follows('ProposalReply', { unit: one(HandlingUnit, 'unit') });
const MEMBER = follows('CppccMember', { sector: one(Sector, 'sector'), party: one(Party, 'party') });
const REQUEST = follows('PolicyRequest', { enterprises: each(Enterprise, 'enterpriseIds') });

@ObjectType('ProposalConnection')
export class ProposalConnection extends Connection(Proposal, 'Proposal') {}

@ObjectType('CppccMemberConnection')
export class CppccMemberConnection extends Connection(CppccMember, 'CppccMember') {}

@ObjectType('PolicyRequestConnection')
export class PolicyRequestConnection extends Connection(PolicyRequest, 'PolicyRequest') {}

export const ProposalPayload = Payload('ProposalPayload', 'proposal', Proposal, 'The proposal after the action.');
export const PolicyRequestPayload = Payload('PolicyRequestPayload', 'policyRequest', PolicyRequest, 'The request filed.');

@Resolver(() => Proposal)
export class ProposalResolver {
  @Authorized()
  @Query(() => ProposalConnection, { description: 'Proposals, newest first: those the viewer may read.' })
  async proposals(
    @Ctx() ctx: RequestContext,
    @Args() page: ForwardPageArgs,
    @Arg('filter', () => ProposalFilter, { nullable: true }) filter: ProposalFilter | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Proposal>> {
    const found = await findProposals(ctx, filter, page);
    await prefetch(ctx, info, Proposal, found.edges.map((e) => e.node));
    return found;
  }

  @Authorized()
  @Query(() => Proposal, { nullable: true, description: 'The proposal with this id; null when there is none the viewer may read.' })
  async proposal(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Info() info: GraphQLResolveInfo) {
    const parsed = fromGlobalId(id);
    const found = parsed?.type === 'Proposal' ? await ctx.loaders.byId(Proposal).load(parsed.id) : null;
    if (found) await prefetch(ctx, info, Proposal, [found], { unscreened: true });
    return found;
  }

  @Authorized()
  @Mutation(() => ProposalPayload, { description: 'A member drafts a proposal.' })
  async draftProposal(@Ctx() ctx: RequestContext, @Arg('input') input: DraftProposalInput) {
    return ProposalPayload.from(await draftProposal(ctx, input));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, { description: 'A proposer changes a draft; refused with STALE_VERSION unless `version` is current.' })
  async updateProposal(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: ProposalUpdateInput,
  ) {
    return ProposalPayload.from(await updateProposal(ctx, id, version, input));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, { description: 'A proposer attaches evidence, frozen as the registry shows it now.' })
  async attachEvidence(@Ctx() ctx: RequestContext, @Arg('proposalId', () => ID) proposalId: string, @Arg('input') input: EvidenceInput) {
    return ProposalPayload.from(await attachEvidence(ctx, proposalId, input));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, { description: 'Another member co-signs a draft.' })
  async cosignProposal(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ProposalPayload.from(await cosignProposal(ctx, id));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, { description: 'A proposer submits a draft.' })
  async submitProposal(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return ProposalPayload.from(await submitProposal(ctx, id, version));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, { description: 'The proposals office accepts, rejects (with a ground) or converts a submitted proposal.' })
  async reviewProposal(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => ReviewDecision) decision: ReviewDecision,
    @Arg('reason', () => String, { nullable: true, description: 'Why; for CONVERT_TO_REPORT the report (≤ 1,500 characters).' })
    reason: string | null,
    @Arg('ground', () => RejectionGround, { nullable: true, description: 'Required to REJECT.' }) ground: RejectionGround | null,
    @Arg('key', () => Boolean, { nullable: true, description: 'Accept as a key proposal (重点提案).' }) key: boolean | null,
  ) {
    return ProposalPayload.from(await reviewProposal(ctx, id, decision, reason, ground, key));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, { description: 'The office assigns an accepted proposal to a lead unit and co-handlers; the reply is due in 3 months (6 if complex).' })
  async assignProposal(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('lead', () => ID) lead: string,
    @Arg('coHandlers', () => [ID], { nullable: true }) coHandlers: string[] | null,
  ) {
    return ProposalPayload.from(await assignProposal(ctx, id, lead, coHandlers ?? []));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, { description: 'An assigned unit replies (the lead unit’s reply answers it).' })
  async replyToProposal(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('result', () => ReplyResult) result: ReplyResult,
    @Arg('text') text: string,
  ) {
    return ProposalPayload.from(await replyToProposal(ctx, id, result, text));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, { description: 'A proposer rates the reply: DISSATISFIED sends it back to its units.' })
  async rateReply(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('rating', () => Satisfaction) rating: Satisfaction) {
    return ProposalPayload.from(await rateReply(ctx, id, rating));
  }

  @Authorized()
  @Mutation(() => ProposalPayload, { description: 'A member of the higher committee carries a proposal up: a new linked draft there.' })
  async escalateProposal(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('level', () => CppccLevel) level: CppccLevel,
    @Arg('asParty', () => Boolean, { defaultValue: false, description: 'The member’s party adopts it.' }) asParty: boolean,
  ) {
    return ProposalPayload.from(await escalateProposal(ctx, id, level, asParty));
  }

  // ── fields ──

  @FieldResolver(() => [CppccMember])
  proposers(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<CppccMember>(PROPOSAL.proposers, p);
  }

  @FieldResolver(() => [CppccMember])
  cosigners(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<CppccMember>(PROPOSAL.cosigners, p);
  }

  @FieldResolver(() => Sector, { nullable: true, description: 'For a SECTOR proposal.' })
  sector(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PROPOSAL.sector, p);
  }

  @FieldResolver(() => Party, { nullable: true, description: 'For a PARTY proposal.' })
  party(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PROPOSAL.party, p);
  }

  @FieldResolver(() => [PolicyRequest], { description: 'The policy requests it carries.' })
  requests(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<PolicyRequest>(PROPOSAL.requests, p);
  }

  @FieldResolver(() => HandlingUnit, { nullable: true })
  leadUnit(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PROPOSAL.leadUnit, p);
  }

  @FieldResolver(() => [HandlingUnit])
  coHandlers(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<HandlingUnit>(PROPOSAL.coHandlers, p);
  }

  @FieldResolver(() => Boolean, { description: 'With its units and past its due date.' })
  overdue(@Root() p: Proposal): boolean {
    return p.status === ProposalStatus.ASSIGNED && p.dueDate !== null && p.dueDate < zoneToday();
  }

  @FieldResolver(() => Proposal, { nullable: true, description: 'The lower-level proposal this one carries up.' })
  escalatedFrom(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PROPOSAL.escalatedFrom, p);
  }

  @FieldResolver(() => [Proposal], { description: 'The higher-level proposals that carry this one up.' })
  escalations(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<Proposal>(PROPOSAL.escalations, p);
  }

  @FieldResolver(() => [ProposalEvidence], { description: 'Oldest first.' })
  evidence(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<ProposalEvidence>(PROPOSAL.evidence, p);
  }

  @FieldResolver(() => [ProposalEvent], { description: 'Every step, oldest first.' })
  timeline(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<ProposalEvent>(PROPOSAL.timeline, p);
  }

  @FieldResolver(() => [ProposalReply], { description: 'Every reply, by round, lead first.' })
  replies(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<ProposalReply>(REPLIES, p);
  }

  @FieldResolver(() => ProposalReply, { nullable: true, description: 'This level’s answer: the lead unit’s latest reply.' })
  async answer(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    const replies = await this.replies(p, ctx);
    return replies.filter((r) => r.lead).at(-1) ?? null;
  }
}

@Resolver(() => ProposalReply)
export class ProposalReplyResolver {
  @FieldResolver(() => HandlingUnit)
  unit(@Root() r: ProposalReply, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(REPLY.unit, r);
  }
}

@Resolver(() => ProposalEvidence)
export class ProposalEvidenceResolver {
  @FieldResolver(() => JSONObjectScalar, { description: 'What was asked: a credit code, an instrument id, or a portfolio filter.' })
  source(@Root() e: ProposalEvidence) {
    return e.source;
  }

  @FieldResolver(() => JSONObjectScalar, { description: 'What the registry answered then, frozen.' })
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
    @Arg('filter', () => CppccMemberFilter, { nullable: true }) filter: CppccMemberFilter | null,
    @Info() info: GraphQLResolveInfo,
  ) {
    const found = await findMembers(ctx, filter, page);
    await prefetch(ctx, info, CppccMember, found.edges.map((e) => e.node));
    return found;
  }

  @Authorized()
  @Query(() => [HandlingUnit], { description: 'Handling units, by level and name.' })
  handlingUnits(@Ctx() ctx: RequestContext, @Arg('level', () => CppccLevel, { nullable: true }) level: CppccLevel | null) {
    return readAll(ctx.em, HandlingUnit, { level: 'asc', name: 'asc' }, level ? { sql: 'level = ?', bindings: [level] } : undefined);
  }

  @Authorized()
  @Query(() => [HandlingUnitScore], { description: 'Satisfaction with each handling unit’s replies in a year, best first.' })
  handlingUnitScores(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number) {
    return handlingUnitScores(ctx, year);
  }

  @FieldResolver(() => Sector)
  sector(@Root() m: CppccMember, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(MEMBER.sector, m);
  }

  @FieldResolver(() => Party, { nullable: true })
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
    @Arg('filter', () => PolicyRequestFilter, { nullable: true }) filter: PolicyRequestFilter | null,
    @Info() info: GraphQLResolveInfo,
  ) {
    const found = await findPolicyRequests(ctx, filter, page);
    await prefetch(ctx, info, PolicyRequest, found.edges.map((e) => e.node));
    return found;
  }

  @Authorized()
  @Mutation(() => PolicyRequestPayload, { description: 'Files a need of enterprises or of the zone.' })
  async filePolicyRequest(@Ctx() ctx: RequestContext, @Arg('input') input: PolicyRequestInput) {
    return PolicyRequestPayload.from(await filePolicyRequest(ctx, input));
  }

  @FieldResolver(() => [Enterprise], { description: 'The enterprises it concerns.' })
  enterprises(@Root() r: PolicyRequest, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<Enterprise>(REQUEST.enterprises, r);
  }

  @FieldResolver(() => [Proposal], { description: 'The proposals carrying it (those the viewer may read).' })
  proposals(@Root() r: PolicyRequest, @Ctx() ctx: RequestContext) {
    return ctx.loaders
      .custom('proposalsOfRequest', () =>
        new DataLoader<string, Proposal[]>(async (ids) => {
          const rows = await readRows<Record<string, unknown>>(
            ctx.em,
            'select * from proposal where request_ids && ?::text[] order by created_at, id',
            [sqlArray([...ids])],
          );
          const proposals = readObjects(ctx.em, Proposal, rows);
          return ids.map((id) => proposals.filter((p) => p.requestIds.includes(id)));
        }),
      )
      .load(r.id);
  }
}
