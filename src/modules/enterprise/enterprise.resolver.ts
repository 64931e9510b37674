import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Connection, ForwardPageArgs, type Page, PageArgs } from '../../common/pagination';
import { Payload } from '../../common/payload';
import { CreditCodeScalar } from '../../common/scalars';
import { InstrumentKind } from '../finance/enums';
import { FinancingInstrument } from '../finance/instrument.entity';
import { instrumentPages } from '../finance/instrument.loaders';
import { EquityIncentivePlan, TalentAward } from '../incentive/incentive.entity';
import { Institution } from '../institution/institution.entity';
import { Patent } from '../ip/patent.entity';
import { ResearchProject } from '../project/project.entity';
import { projectsOfEnterprise } from '../project/project.loaders';
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
import { findEnterprisePage } from './enterprise.queries';
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

@ObjectType('EnterpriseConnection')
export class EnterpriseConnection extends Connection(Enterprise, 'Enterprise') {}

@ObjectType('FinancingInstrumentConnection')
export class FinancingInstrumentConnection extends Connection(FinancingInstrument, 'FinancingInstrument') {}

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
  async enterprise(@Ctx() ctx: RequestContext, @Arg('creditCode', () => CreditCodeScalar) creditCode: string): Promise<Enterprise | null> {
    const [found] = await readAll(ctx.em, Enterprise, {}, { sql: 'credit_code = ?', bindings: [creditCode] });
    return found ?? null;
  }

  @Authorized()
  @Query(() => EnterpriseConnection, { description: 'Enterprises of the zone, filtered and ordered (default: name in pinyin order).' })
  async enterprises(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('filter', () => EnterpriseFilter, { nullable: true }) filter: EnterpriseFilter | null,
    @Arg('orderBy', () => [EnterpriseOrder], { nullable: true }) orderBy: EnterpriseOrder[] | null,
  ): Promise<Page<Enterprise>> {
    return findEnterprisePage(ctx.em, filter, orderBy, page, await filterScope(ctx, filter));
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
    return ctx.loaders.byId(Park).load(e.park.id);
  }

  @FieldResolver(() => IndustryCluster, { nullable: true })
  cluster(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return e.cluster ? ctx.loaders.byId(IndustryCluster).load(e.cluster.id) : null;
  }

  @FieldResolver(() => Institution, { nullable: true, description: 'The owning university of a university enterprise.' })
  university(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return e.university ? ctx.loaders.byId(Institution).load(e.university.id) : null;
  }

  @FieldResolver(() => Boolean)
  universityAffiliated(@Root() e: Enterprise): boolean {
    return e.university !== null;
  }

  @FieldResolver(() => [HighTechCertificate], { nullable: true, description: 'Newest first.' })
  highTechCertificates(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.manyBy(HighTechCertificate, 'enterprise', { issuedOn: 'desc', id: 'asc' }).load(e.id);
  }

  @FieldResolver(() => Boolean, { description: 'Holds a high-tech certificate valid today.' })
  async highTech(@Root() e: Enterprise, @Ctx() ctx: RequestContext): Promise<boolean> {
    const today = zoneToday();
    const certificates = await this.highTechCertificates(e, ctx);
    return certificates.some((c) => c.issuedOn <= today && c.expiresOn >= today);
  }

  @FieldResolver(() => [FiscalYearFinancials], { nullable: true, description: 'One entry per fiscal year, latest first.' })
  financials(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.manyBy(FiscalYearFinancials, 'enterprise', { fiscalYear: 'desc' }).load(e.id);
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
    return ctx.loaders.manyBy(Patent, 'owner', { number: 'asc' }).load(e.id);
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
    return ctx.loaders.manyBy(EquityIncentivePlan, 'enterprise', { approvedOn: 'desc', id: 'asc' }).load(e.id);
  }

  @FieldResolver(() => [TalentAward], { nullable: true })
  talentAwards(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.manyBy(TalentAward, 'enterprise', { awardedOn: 'desc', id: 'asc' }).load(e.id);
  }

  @FieldResolver(() => [TaxPilotUsage], { nullable: true })
  taxPilotUsage(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.manyBy(TaxPilotUsage, 'enterprise', { fiscalYear: 'desc', pilot: 'asc' }).load(e.id);
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
