import type { RequestContext } from '../../context';
import { fromGlobalId } from '../../common/global-id';
import { Enterprise } from '../enterprise/enterprise.entity';
import type { EnterpriseFilter } from '../enterprise/enterprise.inputs';
import { zoneToday } from '../../clock';
import { FiscalYearBands } from '../enterprise/financial-bands';
import { FiscalYearFinancials } from '../enterprise/financials.entity';
import { FinancingInstrument, notVoidedSql } from '../finance/instrument.entity';
import { portfolioSummary } from '../portfolio/portfolio.service';
import { EvidenceKind } from './cppcc.entity';
import type { InstrumentKind } from '../finance/enums';
import { applyEnterpriseFilter } from '../enterprise/enterprise.queries';
import { filterScope } from '../eligibility/outreach';
import type { EvidenceInput } from './cppcc.types';

export interface FrozenEvidence {
  kind: EvidenceKind;
  title: string;
  isNamingEnterprises: boolean;
  source: Record<string, unknown>;
  snapshot: Record<string, unknown>;
}

/** The instrument kinds in Chinese, as evidence titles name them (the console's labels, web/src/enums.ts). */
export const INSTRUMENT_KIND_NAMES: Record<InstrumentKind, string> = {
  NEEQ_LISTING: '新三板挂牌',
  REGIONAL_OTC_LISTING: '区域股权市场挂牌',
  CREDIT_LOAN: '信用贷款',
  IP_PLEDGE_LOAN: '知识产权质押贷款',
  TECH_INSURANCE: '科技保险',
  REINSURANCE: '再保险',
  RISK_COMPENSATION: '风险补偿',
  COLLECTIVE_BOND: '集合债券',
  SME_COLLECTIVE_NOTE: '中小企业集合票据',
  SHORT_TERM_BILL: '短期融资券',
  MEDIUM_TERM_NOTE: '中期票据',
  FUND_INVESTMENT: '基金投资',
};

/** How many enterprises a portfolio that names them may list: a proposal cites a few, not a register. */
export const MAX_NAMED_ENTERPRISES = 50;

/** What a filter input holds, as plain JSON (the input classes carry no methods worth keeping). */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value ?? {})) as Record<string, unknown>;

/** A portfolio filter as aggregated evidence keeps it: without what would name enterprises (credit codes, a search). */
function unnamedFilter(filter: Record<string, unknown>): Record<string, unknown> {
  const { creditCodes: _codes, search: _search, ...rest } = filter;
  return rest;
}

/** Why evidence could not be frozen: the field and what was wrong, or null when it was found. */
export type EvidenceProblem = { field: string; kind: 'NOT_FOUND' | 'INVALID'; message: string };

/**
 * Freezes what the registry says now about one enterprise, one instrument, or the enterprises a filter selects: the
 * snapshot is stored with the proposal, so it keeps saying what was true when it was attached. It holds only what
 * CPPCC members may see (profiles, instrument kinds, statuses and amounts, bands, aggregates): no contract numbers,
 * rates, pledge registrations or names of people.
 *
 * Aggregated unless `isNamingEnterprises` (issue 16): a proposal may be published, and may not promote specific units,
 * so by default the evidence holds figures over the enterprises concerned (counts, sums, bands, parks, industries) and
 * no enterprise's name or credit code, in its title, snapshot or source. Naming them is the drafter's deliberate
 * choice; a portfolio then lists its enterprises (at most MAX_NAMED_ENTERPRISES).
 */
export async function freezeEvidence(ctx: RequestContext, input: EvidenceInput, isNamingEnterprises = false): Promise<FrozenEvidence | EvidenceProblem> {
  const today = zoneToday();
  if (input.creditCode) {
    const e = await ctx.em.findOne(Enterprise, { creditCode: input.creditCode }, { populate: ['park', 'cluster', 'university'] });
    if (!e) return { field: 'input.evidence.creditCode', kind: 'NOT_FOUND', message: `No enterprise with credit code ${input.creditCode} is registered.` };
    const [latest] = await ctx.em.find(FiscalYearFinancials, { enterprise: e }, { orderBy: { fiscalYear: 'desc' }, limit: 1 });
    const certified = await ctx.em.execute<{ n: string }[]>(
      'select count(*) as n from high_tech_certificate where enterprise_id = ? and issued_on <= ? and expires_on >= ?',
      [e.id, today, today],
    );
    const instruments = await ctx.em.execute<{ kind: InstrumentKind; status: string; amount: string; start_date: string }[]>(
      `select i.kind, i.status, i.amount::text, i.start_date::text from instrument_holder h join financing_instrument i on i.id = h.instrument_id
       where h.enterprise_id = ? and ${notVoidedSql('i')} order by i.start_date, i.id`,
      [e.id],
    );
    const bands = latest ? FiscalYearBands.of(latest) : null;
    const park = e.park.getEntity().name;
    if (!isNamingEnterprises) {
      // By kind, in the order of InstrumentKind: how many, and their amounts summed.
      const kinds = (Object.keys(INSTRUMENT_KIND_NAMES) as InstrumentKind[]).filter((k) => instruments.some((i) => i.kind === k));
      return {
        kind: EvidenceKind.ENTERPRISE,
        title: `${park}1家企业的概况`,
        isNamingEnterprises: false,
        source: { enterpriseCount: 1 },
        snapshot: {
          asOf: today,
          enterpriseCount: 1,
          industry: e.industry,
          park,
          cluster: e.cluster?.getEntity().name ?? null,
          isUniversityAffiliated: e.university !== null && e.university !== undefined,
          highTech: Number(certified[0]!.n) > 0,
          latestYear: bands && { ...bands, enterpriseId: undefined },
          byInstrumentKind: kinds.map((kind) => {
            const of = instruments.filter((i) => i.kind === kind);
            return { kind, count: of.length, amount: sumAmounts(of.map((i) => i.amount)) };
          }),
        },
      };
    }
    return {
      kind: EvidenceKind.ENTERPRISE,
      title: `${e.name}（${e.creditCode}）`,
      isNamingEnterprises: true,
      source: { creditCode: e.creditCode },
      snapshot: {
        creditCode: e.creditCode,
        name: e.name,
        nameEn: e.nameEn,
        industry: e.industry,
        park,
        cluster: e.cluster?.getEntity().name ?? null,
        university: e.university?.getEntity().name ?? null,
        foundedOn: e.foundedOn,
        registeredCapital: e.registeredCapital,
        highTech: Number(certified[0]!.n) > 0,
        latestYear: bands && { ...bands, enterpriseId: undefined },
        instruments: instruments.map((i) => ({ kind: i.kind, status: i.status, amount: i.amount, startDate: i.start_date })),
      },
    };
  }
  if (input.instrumentId) {
    const parsed = fromGlobalId(input.instrumentId);
    const instrument = parsed ? await ctx.em.findOne(FinancingInstrument, parsed.id) : null;
    // A voided instrument is no evidence: as for an unknown id.
    if (!instrument || instrument.typename !== parsed!.type || instrument.voidedAt !== null) {
      return { field: 'input.evidence.instrumentId', kind: 'NOT_FOUND', message: 'No such instrument.' };
    }
    const holders = await ctx.em.execute<{ credit_code: string; name: string; share: string }[]>(
      `select e.credit_code, e.name, h.share::text from instrument_holder h join enterprise e on e.id = h.enterprise_id
       where h.instrument_id = ? order by h.lead desc, e.credit_code`,
      [instrument.id],
    );
    const kindName = INSTRUMENT_KIND_NAMES[instrument.kind as InstrumentKind] ?? instrument.kind;
    const terms = { kind: instrument.kind, status: instrument.status, amount: instrument.amount, startDate: instrument.startsOn, endDate: instrument.endsOn };
    if (!isNamingEnterprises) {
      return {
        kind: EvidenceKind.INSTRUMENT,
        title: `${kindName}1笔（${holders.length}家企业）`,
        isNamingEnterprises: false,
        source: { enterpriseCount: holders.length },
        snapshot: { ...terms, holderCount: holders.length },
      };
    }
    return {
      kind: EvidenceKind.INSTRUMENT,
      title: `${kindName}：${holders.map((h) => h.name).join('、')}`,
      isNamingEnterprises: true,
      source: { instrumentId: input.instrumentId },
      snapshot: { ...terms, holders: holders.map((h) => ({ creditCode: h.credit_code, name: h.name, share: h.share })) },
    };
  }
  const filter = input.portfolioFilter as EnterpriseFilter;
  const summary = await portfolioSummary(ctx, filter);
  let named: { credit_code: string; name: string }[] = [];
  if (isNamingEnterprises) {
    if (summary.enterpriseCount > MAX_NAMED_ENTERPRISES) {
      return {
        field: 'input.isNamingEnterprises',
        kind: 'INVALID',
        message: `The filter selects ${summary.enterpriseCount} enterprises: evidence names at most ${MAX_NAMED_ENTERPRISES}; narrow the filter or attach their figures only.`,
      };
    }
    const q = applyEnterpriseFilter(ctx.em.getKnex()('enterprise as e').select('e.credit_code', 'e.name'), filter, today, await filterScope(ctx, filter));
    named = await ctx.em.execute<{ credit_code: string; name: string }[]>(q.orderBy('e.credit_code'));
  }
  const asked = plain(filter);
  return {
    kind: EvidenceKind.PORTFOLIO,
    title: isNamingEnterprises ? `${summary.enterpriseCount}家企业的统计（列明企业）` : `${summary.enterpriseCount}家企业的统计`,
    isNamingEnterprises,
    source: { portfolioFilter: isNamingEnterprises ? asked : unnamedFilter(asked) },
    snapshot: {
      asOf: today,
      enterpriseCount: summary.enterpriseCount,
      highTechCount: summary.highTechCount,
      universityAffiliatedCount: summary.universityAffiliatedCount,
      registeredCapital: summary.registeredCapital,
      byIndustry: summary.byIndustry.map((i) => ({ industry: i.industry, count: i.count })),
      byPark: summary.byPark.map((p) => ({ park: p.park.name, count: p.count })),
      byInstrumentKind: summary.byInstrumentKind.map((k) => ({ ...plain(k) })),
      byFiscalYear: summary.byFiscalYear.map((y) => ({ ...plain(y) })),
      ...(isNamingEnterprises ? { enterprises: named.map((e) => ({ creditCode: e.credit_code, name: e.name })) } : {}),
    },
  };
}

/** The sum of amounts in yuan given as text (at most two decimals), exactly, as text with two decimals. */
function sumAmounts(amounts: string[]): string {
  const cents = amounts.reduce((sum, a) => {
    const [whole, fraction = ''] = a.split('.');
    return sum + BigInt(whole!) * 100n + BigInt((fraction + '00').slice(0, 2));
  }, 0n);
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}
