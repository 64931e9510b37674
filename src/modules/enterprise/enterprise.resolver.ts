import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Connection, ForwardPageArgs, type Page, PageArgs } from '../../common/pagination';
import { Payload } from '../../common/payload';
import { LEGACY_REMOVAL } from '../../common/legacy-args';
import { CreditCodeScalar } from '../../common/scalars';
import { InstrumentKind } from '../finance/enums';
import { FinancingInstrumentOrRestricted } from '../finance/restricted-instrument';
import { instrumentPages } from '../finance/instrument.loaders';
import { Institution } from '../institution/institution.entity';
import { Qualification } from '../qualification/qualification.entity';
import { TaxPilotUsage } from '../tax/tax.entity';
import { Enterprise } from './enterprise.entity';
import {
  CreateEnterpriseInput,
  EnterpriseFilter,
  EnterpriseOrder,
  RecordFiscalYearInput,
  RecordHighTechCertificateInput,
  UpdateEnterpriseInput,
} from './enterprise.inputs';
import { filterScope } from '../eligibility/outreach';
import { enterprisePageQuery, findEnterprisePage } from './enterprise.queries';
import { answerRoot, answers, cursorSql, embed, value } from '../../db/sql-answer';
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
import {
  CreditRatingRecordConnection,
  DishonestDebtorCheckConnection,
  ENTERPRISE_PAGES,
  EquityIncentivePlanConnection,
  PatentConnection,
  ResearchProjectConnection,
  TalentAwardConnection,
} from './enterprise.pages';

const CERTIFICATES = many(HighTechCertificate, 'enterprise', { issuedOn: 'desc', id: 'asc' });
const FINANCIALS = many(FiscalYearFinancials, 'enterprise', { fiscalYear: 'desc' });
const QUALIFICATIONS = many(Qualification, 'enterprise', { validFrom: 'desc', kind: 'asc', id: 'asc' });

/** What the fields of an enterprise read (src/db/read-plan.ts): the page of enterprises reads it ahead. */
const FOLLOWS = follows('Enterprise', {
  park: one(Park, 'park'),
  cluster: one(IndustryCluster, 'cluster'),
  university: one(Institution, 'university'),
  highTechCertificates: CERTIFICATES,
  isHighTech: CERTIFICATES,
  highTech: CERTIFICATES,
  qualifications: QUALIFICATIONS,
  financials: FINANCIALS,
  financialBands: FINANCIALS,
  patents: ENTERPRISE_PAGES.patents.follow,
  instruments: custom((ctx, args) => instrumentPagesRead(ctx, args['kinds'] as InstrumentKind[] | null, args as ForwardPageArgs)),
  projects: ENTERPRISE_PAGES.projects.follow,
  incentivePlans: ENTERPRISE_PAGES.incentivePlans.follow,
  talentAwards: ENTERPRISE_PAGES.talentAwards.follow,
  taxPilotUsage: many(TaxPilotUsage, 'enterprise', { fiscalYear: 'desc', pilot: 'asc' }),
  creditRatings: ENTERPRISE_PAGES.creditRatings.follow,
  dishonestDebtorChecks: ENTERPRISE_PAGES.dishonestDebtorChecks.follow,
});

/** Holds a high-tech certificate valid today (Asia/Shanghai), in SQL. */
const HIGH_TECH_TODAY = value(
  (t, q) =>
    `exists (select 1 from high_tech_certificate c where c.enterprise_id = ${t}.id and c.issued_on <= ${q.p(zoneToday())}::date and c.expires_on >= ${q.p(zoneToday())}::date)`,
);

/** The same fields in SQL (src/db/sql-answer.ts): a page whose every field has an SQL form is answered in one statement. */
answers('Enterprise', {
  park: FOLLOWS.park,
  cluster: FOLLOWS.cluster,
  university: FOLLOWS.university,
  isUniversityAffiliated: value((t) => `${t}.university_id is not null`),
  highTechCertificates: CERTIFICATES,
  isHighTech: HIGH_TECH_TODAY,
  highTech: HIGH_TECH_TODAY,
  qualifications: QUALIFICATIONS,
  financials: FINANCIALS,
  patents: ENTERPRISE_PAGES.patents.answer,
  instruments: instrumentsAnswer,
  projects: ENTERPRISE_PAGES.projects.answer,
  incentivePlans: ENTERPRISE_PAGES.incentivePlans.answer,
  talentAwards: ENTERPRISE_PAGES.talentAwards.answer,
  taxPilotUsage: FOLLOWS.taxPilotUsage,
  creditRatings: ENTERPRISE_PAGES.creditRatings.answer,
  dishonestDebtorChecks: ENTERPRISE_PAGES.dishonestDebtorChecks.answer,
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

@ObjectType('EnterpriseConnection', { description: 'Enterprises of the zone a filter selects, in the order asked for.' })
export class EnterpriseConnection extends Connection(Enterprise, 'Enterprise') {}

@ObjectType('FinancingInstrumentConnection', { description: 'Financing instruments an enterprise holds, the latest start first; an instrument the viewer may see only as kind and status is a RestrictedInstrument.' })
export class FinancingInstrumentConnection extends Connection(FinancingInstrumentOrRestricted, 'FinancingInstrument') {}

export const EnterprisePayload = Payload(
  'EnterprisePayload',
  'enterprise',
  Enterprise,
  'What createEnterprise or updateEnterprise answers: the enterprise as registered or changed, or why nothing was written.',
);
export const FiscalYearPayload = Payload(
  'FiscalYearPayload',
  'financials',
  FiscalYearFinancials,
  'What recordFiscalYear answers: the fiscal year as recorded, or why nothing was written.',
);
export const HighTechCertificatePayload = Payload(
  'HighTechCertificatePayload',
  'certificate',
  HighTechCertificate,
  'What recordHighTechCertificate answers: the certificate as recorded, or why nothing was written.',
);

/** Root queries and mutations of the registry's enterprises (who may call them: src/auth/policy.ts). */
@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Authorized()
  @Query(() => Enterprise, {
    nullable: true,
    description:
      'The enterprise of a credit code; null when none is registered, and equally null for one the viewer may not see (a bank: one that has not authorized it), so the two cannot be told apart.',
  })
  async enterprise(
    @Ctx() ctx: RequestContext,
    @Arg('creditCode', () => CreditCodeScalar, { description: 'Its Unified Social Credit Code.' }) creditCode: string,
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
  @Query(() => EnterpriseConnection, {
    description:
      'Enterprises of the zone the viewer sees (a bank: those that authorized it; a representative: its own), filtered and ordered; paged both ways.',
  })
  async enterprises(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('filter', () => EnterpriseFilter, { nullable: true, description: 'Which enterprises; all the viewer sees when left out.' })
    filter: EnterpriseFilter | null,
    @Arg('orderBy', () => [EnterpriseOrder], {
      nullable: true,
      description: 'The order, key by key; the Chinese name in pinyin order when left out. Ties end on the id.',
    })
    orderBy: EnterpriseOrder[] | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Enterprise>> {
    const found = await findEnterprisePage(ctx.em, filter, orderBy, page, await filterScope(ctx, filter));
    await prefetch(ctx, info, Enterprise, found.edges.map((e) => e.node));
    return found;
  }

  @Authorized()
  @Mutation(() => EnterprisePayload, {
    description:
      'Registers an enterprise (zone administrators). A credit code whose check character is wrong needs `checkCharacterOverride`.\n\n' +
      'Errors: InvalidInputError, CheckCharacterMismatchError, DuplicateError, NotFoundError.',
  })
  async createEnterprise(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The enterprise to register.' }) input: CreateEnterpriseInput) {
    return EnterprisePayload.from(await createEnterprise(ctx, input));
  }

  @Authorized()
  @Mutation(() => EnterprisePayload, {
    description:
      'Changes an enterprise (a representative: its own only); refused unless `input.version` is the current one.\n\n' +
      'Errors: InvalidInputError, NotFoundError, NotPermittedError, StaleVersionError.',
  })
  async updateEnterprise(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The enterprise, the version read, and the changes.' }) input: UpdateEnterpriseInput) {
    return EnterprisePayload.from(await updateEnterprise(ctx, input));
  }

  @Authorized()
  @Mutation(() => FiscalYearPayload, {
    description:
      "Records a fiscal year's figures of an enterprise (a representative: its own), or, with the year's `version`, corrects them.\n\n" +
      'Errors: InvalidInputError, NotFoundError, NotPermittedError, DuplicateError, StaleVersionError.',
  })
  async recordFiscalYear(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The year and its figures.' }) input: RecordFiscalYearInput) {
    return FiscalYearPayload.from(await recordFiscalYear(ctx, input));
  }

  @Authorized()
  @Mutation(() => HighTechCertificatePayload, {
    description:
      'Records a high-tech enterprise certificate (高新技术企业证书) of an enterprise (a representative: its own).\n\n' +
      'Errors: InvalidInputError, NotFoundError, NotPermittedError, DuplicateError.',
  })
  async recordHighTechCertificate(
    @Ctx() ctx: RequestContext,
    @Arg('input', { description: 'The certificate.' }) input: RecordHighTechCertificateInput,
  ) {
    return HighTechCertificatePayload.from(await recordHighTechCertificate(ctx, input));
  }

  // ── fields ──

  @FieldResolver(() => Park, { description: 'The sub-park it sits in.' })
  park(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(FOLLOWS.park, e);
  }

  @FieldResolver(() => IndustryCluster, { nullable: true, description: 'The strategic emerging industry cluster it belongs to; null: none.' })
  cluster(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(FOLLOWS.cluster, e);
  }

  @FieldResolver(() => Institution, { nullable: true, description: 'The owning university of a university enterprise (校办企业); null: none.' })
  university(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(FOLLOWS.university, e);
  }

  @FieldResolver(() => Boolean, { description: 'Owned by a university (校办企业): `university` is set.' })
  isUniversityAffiliated(@Root() e: Enterprise): boolean {
    return e.university !== null;
  }

  @FieldResolver(() => [HighTechCertificate], {
    nullable: true,
    description:
      'High-tech enterprise certificates (高新技术企业证书) held or once held, the latest issued first. Bounded: one per three-year term since the enterprise was founded. Masked (null with a FORBIDDEN error) for a bank without the HIGH_TECH scope.',
  })
  highTechCertificates(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<HighTechCertificate>(CERTIFICATES, e);
  }

  @FieldResolver(() => Boolean, {
    description: 'A high-tech enterprise (高新技术企业) today: holds a certificate valid today (Asia/Shanghai).',
  })
  async isHighTech(@Root() e: Enterprise, @Ctx() ctx: RequestContext): Promise<boolean> {
    const today = zoneToday();
    const certificates = await this.highTechCertificates(e, ctx);
    return certificates.some((c) => c.issuedOn <= today && c.validUntil >= today);
  }

  @FieldResolver(() => Boolean, { description: 'Before API v1: `isHighTech`.', deprecationReason: `Use isHighTech. Removed after ${LEGACY_REMOVAL}.` })
  highTech(@Root() e: Enterprise, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.isHighTech(e, ctx);
  }

  @FieldResolver(() => [Qualification], {
    nullable: true,
    description:
      'Qualifications held or once held (科技型中小企业, 专精特新, 瞪羚 …), the latest valid from first. Bounded: a few kinds, each renewed at most once a year. Masked (null with a FORBIDDEN error) for a bank without the HIGH_TECH scope.',
  })
  qualifications(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<Qualification>(QUALIFICATIONS, e);
  }

  @FieldResolver(() => [FiscalYearFinancials], {
    nullable: true,
    description: 'Its exact figures, one entry per fiscal year recorded, the latest first. Bounded: one per year since it was founded. Masked (null with a FORBIDDEN error) for anyone but zone administrators and its own representative.',
  })
  financials(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<FiscalYearFinancials>(FINANCIALS, e);
  }

  @FieldResolver(() => [FiscalYearBands], {
    nullable: true,
    description:
      'Each fiscal year in bands (revenue, R&D intensity, headcount, shares), the latest first: what a bank sees instead of `financials`. Bounded: one per year since it was founded. Masked (null with a FORBIDDEN error) for a handling unit, and for a bank without the FINANCIALS scope.',
  })
  async financialBands(@Root() e: Enterprise, @Ctx() ctx: RequestContext): Promise<FiscalYearBands[]> {
    return (await this.financials(e, ctx)).map((y) => FiscalYearBands.of(y));
  }

  @FieldResolver(() => PatentConnection, { nullable: true, description: 'Patents (专利) it owns, by patent number. Masked (null with a FORBIDDEN error) for a handling unit, and for a bank without the PATENTS scope.' })
  patents(@Root() e: Enterprise, @Ctx() ctx: RequestContext, @Args() page: ForwardPageArgs) {
    return ENTERPRISE_PAGES.patents.load(ctx, page, e.id);
  }

  @FieldResolver(() => FinancingInstrumentConnection, { nullable: true, description: 'The portfolio: financing instruments it holds, the latest start first. Masked (null with a FORBIDDEN error) for a handling unit, and for a bank without the INSTRUMENTS scope.' })
  instruments(
    @Root() e: Enterprise,
    @Ctx() ctx: RequestContext,
    @Args() page: ForwardPageArgs,
    @Arg('kinds', () => [InstrumentKind], { nullable: true, description: 'Only instruments of these kinds; all kinds when left out.' })
    kinds: InstrumentKind[] | null,
  ) {
    return instrumentPages(ctx, kinds, page).load(e.id);
  }

  @FieldResolver(() => ResearchProjectConnection, {
    nullable: true,
    description: 'Industry–university–research projects (产学研项目) it takes part in, each once whatever its roles, the latest start first. Masked (null with a FORBIDDEN error) for a bank and a handling unit.',
  })
  projects(@Root() e: Enterprise, @Ctx() ctx: RequestContext, @Args() page: ForwardPageArgs) {
    return ENTERPRISE_PAGES.projects.load(ctx, page, e.id);
  }

  @FieldResolver(() => EquityIncentivePlanConnection, {
    nullable: true,
    description: 'Its equity and dividend incentive plans (股权和分红激励), the latest approved first. Masked (null with a FORBIDDEN error) for a bank and a handling unit.',
  })
  incentivePlans(@Root() e: Enterprise, @Ctx() ctx: RequestContext, @Args() page: ForwardPageArgs) {
    return ENTERPRISE_PAGES.incentivePlans.load(ctx, page, e.id);
  }

  @FieldResolver(() => TalentAwardConnection, { nullable: true, description: 'Talent scheme awards (人才计划) to it or its people, the latest first. Masked (null with a FORBIDDEN error) for a bank and a handling unit.' })
  talentAwards(@Root() e: Enterprise, @Ctx() ctx: RequestContext, @Args() page: ForwardPageArgs) {
    return ENTERPRISE_PAGES.talentAwards.load(ctx, page, e.id);
  }

  @FieldResolver(() => [TaxPilotUsage], {
    nullable: true,
    description: 'The tax pilots (税收试点) it used and the relief each gave, the latest fiscal year first. Bounded: one per pilot and fiscal year. Masked (null with a FORBIDDEN error) for a bank and a handling unit.',
  })
  taxPilotUsage(@Root() e: Enterprise, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<TaxPilotUsage>(FOLLOWS.taxPilotUsage, e);
  }

  @FieldResolver(() => CreditRatingRecordConnection, {
    nullable: true,
    description:
      'SME credit ratings (中小企业信用评级), the latest rated first (on one day, the one recorded last first). Masked (null with a FORBIDDEN error) for anyone but zone administrators and its own representative.',
  })
  creditRatings(@Root() e: Enterprise, @Ctx() ctx: RequestContext, @Args() page: ForwardPageArgs) {
    return ENTERPRISE_PAGES.creditRatings.load(ctx, page, e.id);
  }

  @FieldResolver(() => DishonestDebtorCheckConnection, {
    nullable: true,
    description:
      'Checks of the dishonest judgment debtor list (失信被执行人名单), the latest first (on one day, the one recorded last first). Masked (null with a FORBIDDEN error) for anyone but zone administrators and its own representative.',
  })
  dishonestDebtorChecks(@Root() e: Enterprise, @Ctx() ctx: RequestContext, @Args() page: ForwardPageArgs) {
    return ENTERPRISE_PAGES.dishonestDebtorChecks.load(ctx, page, e.id);
  }
}
