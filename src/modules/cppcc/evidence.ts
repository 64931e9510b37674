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
import type { EvidenceInput } from './cppcc.types';

export interface FrozenEvidence {
  kind: EvidenceKind;
  title: string;
  source: Record<string, unknown>;
  snapshot: Record<string, unknown>;
}

/** What a filter input holds, as plain JSON (the input classes carry no methods worth keeping). */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value ?? {})) as Record<string, unknown>;

/**
 * Freezes what the registry says now about one enterprise, one instrument, or the enterprises a filter selects: the
 * snapshot is stored with the proposal, so it keeps saying what was true when it was attached. It holds only what
 * CPPCC members may see (profiles, instrument kinds, statuses and amounts, bands, aggregates): no contract numbers,
 * rates, pledge registrations or names of people.
 * Returns null when the enterprise or instrument does not exist.
 */
export async function freezeEvidence(ctx: RequestContext, input: EvidenceInput): Promise<FrozenEvidence | null> {
  const today = zoneToday();
  if (input.creditCode) {
    const e = await ctx.em.findOne(Enterprise, { creditCode: input.creditCode }, { populate: ['park', 'cluster', 'university'] });
    if (!e) return null;
    const [latest] = await ctx.em.find(FiscalYearFinancials, { enterprise: e }, { orderBy: { fiscalYear: 'desc' }, limit: 1 });
    const certified = await ctx.em.execute<{ n: string }[]>(
      'select count(*) as n from high_tech_certificate where enterprise_id = ? and issued_on <= ? and expires_on >= ?',
      [e.id, today, today],
    );
    const instruments = await ctx.em.execute<{ kind: string; status: string; amount: string; start_date: string }[]>(
      `select i.kind, i.status, i.amount::text, i.start_date::text from instrument_holder h join financing_instrument i on i.id = h.instrument_id
       where h.enterprise_id = ? and ${notVoidedSql('i')} order by i.start_date, i.id`,
      [e.id],
    );
    const bands = latest ? FiscalYearBands.of(latest) : null;
    return {
      kind: EvidenceKind.ENTERPRISE,
      title: `${e.name} (${e.creditCode})`,
      source: { creditCode: e.creditCode },
      snapshot: {
        creditCode: e.creditCode,
        name: e.name,
        nameEn: e.nameEn,
        industry: e.industry,
        park: e.park.getEntity().name,
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
    if (!instrument || instrument.typename !== parsed!.type || instrument.voidedAt !== null) return null;
    const holders = await ctx.em.execute<{ credit_code: string; name: string; share: string }[]>(
      `select e.credit_code, e.name, h.share::text from instrument_holder h join enterprise e on e.id = h.enterprise_id
       where h.instrument_id = ? order by h.lead desc, e.credit_code`,
      [instrument.id],
    );
    return {
      kind: EvidenceKind.INSTRUMENT,
      title: `${instrument.kind} of ${holders.map((h) => h.name).join('、')}`,
      source: { instrumentId: input.instrumentId },
      snapshot: {
        kind: instrument.kind,
        status: instrument.status,
        amount: instrument.amount,
        startDate: instrument.startsOn,
        endDate: instrument.endsOn,
        holders: holders.map((h) => ({ creditCode: h.credit_code, name: h.name, share: h.share })),
      },
    };
  }
  const filter = input.portfolioFilter as EnterpriseFilter;
  const summary = await portfolioSummary(ctx, filter);
  return {
    kind: EvidenceKind.PORTFOLIO,
    title: `Portfolio of ${summary.enterpriseCount} enterprise(s)`,
    source: { portfolioFilter: plain(filter) },
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
    },
  };
}
