import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Connection, ForwardPageArgs, type Page, PageArgs } from '../../common/pagination';
import { Payload } from '../../common/payload';
import { CreditCodeScalar } from '../../common/scalars';
import { InstrumentKind } from '../finance/enums';
import { FinancingInstrumentOrRestricted } from '../finance/restricted-instrument';
import { instrumentPages } from '../finance/instrument.loaders';
import { EquityIncentivePlan, TalentAward } from '../incentive/incentive.entity';
import { Institution } from '../institution/institution.entity';
import { Patent } from '../ip/patent.entity';
import { ResearchProject } from '../project/project.entity';
import { projectsOfEnterprise } from '../project/project.loaders';
import { Qualification } from '../qualification/qualification.entity';
import { TaxPilotUsage } from '../tax/tax.entity';
import { Enterprise } from './enterprise.entity';
import {
  CreateEnterpriseInput,
  EnterpriseFilter,
  EnterpriseOrder,
  FiscalYearInput,
  HighTechCertificateInput,
  UpdateEnterpriseInput,
} from './enterprise.inputs';
import { filterScope } from '../eligibility/outreach';
import { enterprisePageQuery, findEnterprisePage } from './enterprise.queries';
import { answerRoot, answers, cursorSql, embed, list, value } from '../../db/sql-answer';
import { instrumentsAnswer } from '../finance/instrument.loaders';
import { zoneToday } from '../../clock';
import {
  createEnterprise,
  recordFiscalYear,
  recordHighTechCertificate,
  updateEnterprise,
} from './enterprise.service';
import { FiscalYearBands } from './financial-bands';
import { FiscalYearFinancials, HighTechCertificate } from './financials.entity';
import { IndustryCluster, Park } from './park.entity';
import { readAll } from '../../db/read-objects';
import { custom, follows, many, one, prefetch } from '../../db/read-plan';
import { instrumentPagesRead } from '../finance/instrument.loaders';
import { projectsOfEnterpriseRead } from '../project/project.loaders';

const CERTIFICATES = many(HighTechCertificate, 'enterprise', { issuedOn: 'desc', id: 'asc' });
const FINANCIALS = many(FiscalYearFinancials, 'enterprise', { fiscalYear: 'desc' });
const QUALIFICATIONS = many(Qualification, 'enterprise', { validFrom: 'desc', kind: 'asc', id: 'asc' });

/** What the fields of an enterprise read (src/db/read-plan.ts): the page of enterprises reads it ahead. */
const FOLLOWS = follows('Enterprise', {
  park: one(Park, 'park'),
  cluster: one(IndustryCluster, 'cluster'),
  university: one(Institution, 'university'),
  highTechCertificates: CERTIFICATES,
  highTech: CERTIFICATES,
  qualifications: QUALIFICATIONS,
  financials: FINANCIALS,
  financialBands: FINANCIALS,
  patents: many(Patent, 'owner', { number: 'asc' }),
  instruments: custom((ctx, args) => instrumentPagesRead(ctx, args['kinds'] as InstrumentKind[] | null, args as ForwardPageArgs)),
  projects: custom((ctx) => projectsOfEnterpriseRead(ctx)),
  incentivePlans: many(EquityIncentivePlan, 'enterprise', { approvedOn: 'desc', id: 'asc' }),
  talentAwards: many(TalentAward, 'enterprise', { awardedOn: 'desc', id: 'asc' }),
  taxPilotUsage: many(TaxPilotUsage, 'enterprise', { fiscalYear: 'desc', pilot: 'asc' }),
});

/** The same fields in SQL (src/db/sql-answer.ts): a page whose every field has an SQL form is answered in one statement. */
answers('Enterprise', {
  park: FOLLOWS.park,
  cluster: FOLLOWS.cluster,
  university: FOLLOWS.university,
  universityAffiliated: value((t) => `${t}.university_id is not null`),
  highTechCertificates: CERTIFICATES,
  highTech: value(
    (t, q) =>
      `exists (select 1 from high_tech_certificate c where c.enterprise_id = ${t}.id and c.issued_on <= ${q.p(zoneToday())}::date and c.expires_on >= ${q.p(zoneToday())}::date)`,
  ),
  qualifications: QUALIFICATIONS,
  financials: FINANCIALS,
  patents: FOLLOWS.patents,
  instruments: instrumentsAnswer,
  // Each project once, however many roles the enterprise has in it; newest start first, then id.
  projects: list(ResearchProject, (t, c) => ({
    from: `research_project ${c} where ${c}.id in (select x.project_id from project_participant x where x.enterprise_id = ${t}.id)`,
    order: `${c}.start_date desc, ${c}.id`,
  })),
  incentivePlans: FOLLOWS.incentivePlans,
  talentAwards: FOLLOWS.talentAwards,
  taxPilotUsage: FOLLOWS.taxPilotUsage,
});

answerRoot('enterprises', {
  kind: 'connection',
  async page(ctx, q, args) {
    const filter = (args['filter'] as EnterpriseFilter | undefined) ?? null;
    const orderBy = (args['orderBy'] as EnterpriseOrder[] | undefined) ?? null;
    // The outreach condition is the programme's rules in force, which an administrator may change at any time.
    if (filter?.outreach) q.uncacheable();
    const { query, keys, request, count } = enterprisePageQuery(ctx.em, filter, orderBy, args as PageArgs, await filterScope(ctx, filter), {
      numbered: true,
    });
    return {
      entity: Enterprise,
      rows: embed(q, query),
      limit: request.limit,
      backward: request.backward,
      cursorGiven: request.cursor !== null,
      cursor: (c) => cursorSql(keys.map((k) => k.text(c))),
      total: () => `(${embed(q, count())})`,
    };
  },
});

@ObjectType('EnterpriseConnection')
export class EnterpriseConnection extends Connection(Enterprise, 'Enterprise') {}

@ObjectType('FinancingInstrumentConnection')
// Restricted where the viewer may see only an instrument's kind and status (a bank, of another lender's).
export class FinancingInstrumentConnection extends Connection(FinancingInstrumentOrRestricted, 'FinancingInstrument') {}

export const EnterprisePayload = Payload('EnterprisePayload', 'enterprise', Enterprise, 'The enterprise created or changed.');
export const FiscalYearPayload = Payload('FiscalYearPayload', 'financials', FiscalYearFinancials, 'The fiscal year recorded.');
export const HighTechCertificatePayload = Payload(
  'HighTechCertificatePayload',
  'certificate',
  HighTechCertificate,
  'The certificate recorded.',
);

/** Root queries and mutations of the registry's enterprises (who may call them: src/auth/policy.ts). */
@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Authorized()
  @Query(() => Enterprise, { nullable: true, description: 'The enterprise of a credit code; null when none is registered.' })
  async enterprise(
    @Ctx() ctx: RequestContext,
    @Arg('creditCode', () => CreditCodeScalar) creditCode: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Enterprise | null> {
    // A viewer who sees some enterprises only (a bank: those that authorised it) looks up within them, in the same
    // statement: a registered but unauthorised code reads nothing and costs what an unknown code costs.
    const visible = await ctx.access.visibleEnterpriseIds();
    const where = visible
      ? { sql: 'credit_code = ? and id = any(?::uuid[])', bindings: [creditCode, [...visible]] }
      : { sql: 'credit_code = ?', bindings: [creditCode] };
    const [found] = await readAll(ctx.em, Enterprise, {}, where);
    if (found) await prefetch(ctx, info, Enterprise, [found], { unscreened: true });
    return found ?? null;
  }

  @Authorized()
  @Query(() => EnterpriseConnection, { description: 'Enterprises of the zone, filtered and ordered (default: name in pinyin order).' })
  async enterprises(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('filter', () => EnterpriseFilter, { nullable: true }) filter: EnterpriseFilter | null,
    @Arg('orderBy', () => [EnterpriseOrder], { nullable: true }) orderBy: EnterpriseOrder[] | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Enterprise>> {
    const found = await findEnterprisePage(ctx.em, filter, orderBy, page, await filterScope(ctx, filter));
    await prefetch(ctx, info, Enterprise, found.edges.map((e) => e.node));
    return found;
  }

  @Authorized()
  @Mutation(() => EnterprisePayload, { description: 'Registers an enterprise.' })
  async createEnterprise(@Ctx() ctx: RequestContext, @Arg('input') input: CreateEnterpriseInput) {
    return EnterprisePayload.from(await createEnterprise(ctx, input));
  }

  @Authorized()
  @Mutation(() => EnterprisePayload, { description: 'Changes an enterprise; refused with STALE_VERSION unless `version` is current.' })
  async updateEnterprise(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: UpdateEnterpriseInput,
  ) {
    return EnterprisePayload.from(await updateEnterprise(ctx, id, version, input));
  }

  @Authorized()
  @Mutation(() => FiscalYearPayload, { description: "Records (or, with its version, corrects) a fiscal year's figures." })
  async recordFiscalYear(@Ctx() ctx: RequestContext, @Arg('input') input: FiscalYearInput) {
    return FiscalYearPayload.from(await recordFiscalYear(ctx, input));
  }

  @Authorized()
  @Mutation(() => HighTechCertificatePayload, { description: 'Records a high-tech enterprise certificate.' })
  async recordHighTechCertificate(@Ctx() ctx: RequestContext, @Arg('input') input: HighTechCertificateInput) {
    return HighTechCertificatePayload.from(await recordHighTechCertificate(ctx, input));
  }

  // ── fields ──

  @FieldResolver(() => Park)
  park(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(FOLLOWS.park, e);
  }

  @FieldResolver(() => IndustryCluster, { nullable: true })
  cluster(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(FOLLOWS.cluster, e);
  }

  @FieldResolver(() => Institution, { nullable: true, description: 'The owning university of a university enterprise.' })
  university(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(FOLLOWS.university, e);
  }

  @FieldResolver(() => Boolean)
  universityAffiliated(@Root() e: Enterprise): boolean {
    return e.university !== null;
  }

  @FieldResolver(() => [HighTechCertificate], { nullable: true, description: 'Newest first.' })
  highTechCertificates(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<HighTechCertificate>(CERTIFICATES, e);
  }

  @FieldResolver(() => Boolean, { description: 'Holds a high-tech certificate valid today.' })
  async highTech(@Root() e: Enterprise, @Ctx() ctx: RequestContext): Promise<boolean> {
    const today = zoneToday();
    const certificates = await this.highTechCertificates(e, ctx);
    return certificates.some((c) => c.issuedOn <= today && c.expiresOn >= today);
  }

  @FieldResolver(() => [Qualification], {
    nullable: true,
    description: 'Qualifications held or once held (科技型中小企业, 专精特新, 瞪羚 …), the latest valid from first.',
  })
  qualifications(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<Qualification>(QUALIFICATIONS, e);
  }

  @FieldResolver(() => [FiscalYearFinancials], { nullable: true, description: 'One entry per fiscal year, latest first.' })
  financials(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<FiscalYearFinancials>(FINANCIALS, e);
  }

  @FieldResolver(() => [FiscalYearBands], {
    nullable: true,
    description: 'Each fiscal year in bands (revenue, R&D intensity, headcount, shares), latest first.',
  })
  async financialBands(@Root() e: Enterprise, @Ctx() ctx: RequestContext): Promise<FiscalYearBands[]> {
    return (await this.financials(e, ctx)).map((y) => FiscalYearBands.of(y));
  }

  @FieldResolver(() => [Patent], { nullable: true })
  patents(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<Patent>(FOLLOWS.patents, e);
  }

  @FieldResolver(() => FinancingInstrumentConnection, { nullable: true, description: 'The portfolio: instruments it holds, newest first.' })
  instruments(
    @Root() e: Enterprise,
    @Ctx() ctx: RequestContext,
    @Args() page: ForwardPageArgs,
    @Arg('kinds', () => [InstrumentKind], { nullable: true }) kinds: InstrumentKind[] | null,
  ) {
    return instrumentPages(ctx, kinds, page).load(e.id);
  }

  @FieldResolver(() => [ResearchProject], { nullable: true, description: 'Industry–university–research projects it takes part in.' })
  projects(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return projectsOfEnterprise(ctx).load(e.id);
  }

  @FieldResolver(() => [EquityIncentivePlan], { nullable: true })
  incentivePlans(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<EquityIncentivePlan>(FOLLOWS.incentivePlans, e);
  }

  @FieldResolver(() => [TalentAward], { nullable: true })
  talentAwards(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<TalentAward>(FOLLOWS.talentAwards, e);
  }

  @FieldResolver(() => [TaxPilotUsage], { nullable: true })
  taxPilotUsage(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<TaxPilotUsage>(FOLLOWS.taxPilotUsage, e);
  }
}

/** Reference data an administrator picks from. */
@Resolver()
export class ZoneReferenceResolver {
  @Authorized()
  @Query(() => [Park], { description: 'The sub-parks of the zone, by code.' })
  parks(@Ctx() ctx: RequestContext) {
    return readAll(ctx.em, Park, { code: 'asc' });
  }

  @Authorized()
  @Query(() => [IndustryCluster], { description: 'The strategic emerging industry clusters, by code.' })
  industryClusters(@Ctx() ctx: RequestContext) {
    return readAll(ctx.em, IndustryCluster, { code: 'asc' });
  }

  @Authorized()
  @Query(() => [Institution], { description: 'Universities and research institutes.' })
  institutions(@Ctx() ctx: RequestContext) {
    return readAll(ctx.em, Institution, { kind: 'asc', name: 'asc' });
  }
}
