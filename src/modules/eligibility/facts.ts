import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlArray } from '../../common/sql';
import type { TaxCreditGradeValue } from '../credit/credit.entity';
import type { EconomicSector, HighTechField, Industry } from '../enterprise/enums';
import type { CreditRating } from '../finance/enums';
import type { QualificationKind } from '../qualification/enums';
import { notVoidedSql, PLEDGED_ON_SQL } from '../finance/instrument.entity';
import { readRows } from '../../db/read-objects';

export interface FiscalYearFacts {
  fiscalYear: number;
  revenue: string;
  rdExpense: string;
  rdExpenseInChina: string;
  highTechRevenue: string;
  totalIncome: string | null;
  employees: number;
  stStaff: number;
  rdStaff: number | null;
  /** Null when not reported. */
  totalAssets: string | null;
  innovationScore: number | null;
  majorIncident: boolean | null;
}

/** What the criteria read about one enterprise, as valid on the date asked about. */
export interface EnterpriseFacts {
  enterprise: {
    id: string;
    creditCode: string;
    name: string;
    parkName: string;
    industry: Industry;
    highTechField: HighTechField | null;
    economicSector: EconomicSector | null;
    foundedOn: string;
    stateOwned: boolean;
    /** Null: not known (so are the three below). */
    listedOnExchange: boolean | null;
    convertedInstitute: boolean | null;
    investedByConvertedInstitute: boolean | null;
    investedByAcademia: boolean | null;
    /** The owning university's name, for a university enterprise. */
    university: string | null;
  };
  years: Map<number, FiscalYearFacts>;
  certificates: { number: string; issuedOn: string; expiresOn: string }[];
  patents: {
    number: string;
    type: string;
    legalStatus: string;
    grantedOn: string | null;
    pledged: boolean;
    appraisal: { value: string; appraisedOn: string } | null;
  }[];
  ratings: { rating: CreditRating; agency: string; ratedOn: string; validUntil: string }[];
  taxGrades: { year: number; grade: TaxCreditGradeValue; evaluatedOn: string }[];
  dishonestChecks: { checkedOn: string; listed: boolean; source: string }[];
  defaults: { kind: string; defaultedOn: string }[];
  insurance: { insuranceKind: string; startDate: string; endDate: string | null }[];
  qualifications: { kind: QualificationKind; number: string; validFrom: string; validTo: string; issuer: string }[];
}

/** The kinds of fact a criterion may read besides the enterprise itself (CRITERIA[kind].reads). */
export type FactKind = Exclude<keyof EnterpriseFacts, 'enterprise'>;

const FACT_KINDS: FactKind[] = ['years', 'certificates', 'patents', 'ratings', 'taxGrades', 'dishonestChecks', 'defaults', 'insurance', 'qualifications'];

/**
 * Loads the facts of every enterprise in `ids` as of `asOf`: the enterprise and each kind of fact in `kinds`, one
 * statement per kind for the whole batch. Patents come with whether they were pledged on the date and their latest
 * appraisal by then, computed in PostgreSQL. A kind not loaded cannot be read by mistake: reading it throws.
 */
export async function loadFacts(
  em: EntityManager,
  ids: string[],
  asOf: string,
  kinds: ReadonlySet<FactKind> = new Set(FACT_KINDS),
): Promise<Map<string, EnterpriseFacts>> {
  const batch = sqlArray(ids);
  const q = <T>(sql: string, params: unknown[] = []) => readRows<T>(em, sql, [batch, ...params]);
  const when = <T>(kind: FactKind, read: () => Promise<T[]>): Promise<T[]> => (kinds.has(kind) ? read() : Promise.resolve([]));
  const [enterprises, years, certificates, patents, ratings, grades, checks, defaults, insurance, qualifications] = await Promise.all([
    q<{
      id: string; credit_code: string; name: string; park: string; industry: Industry; high_tech_field: HighTechField | null; economic_sector: EconomicSector | null; founded_on: string; state_owned: boolean;
      listed_on_exchange: boolean | null; converted_institute: boolean | null; invested_by_converted_institute: boolean | null; invested_by_academia: boolean | null; university: string | null;
    }>(
      `select e.id, e.credit_code, e.name, p.name as park, e.industry, e.high_tech_field, e.economic_sector, e.founded_on::text, e.state_owned,
              e.listed_on_exchange, e.converted_institute, e.invested_by_converted_institute, e.invested_by_academia, u.name as university
       from enterprise e join park p on p.id = e.park_id left join institution u on u.id = e.university_id where e.id = any(?::uuid[])`,
    ),
    when('years', () => q<{ enterprise_id: string; fiscal_year: number; revenue: string; rd_expense: string; rd_expense_in_china: string; high_tech_revenue: string; total_income: string | null; employees: number; st_staff: number; rd_staff: number | null; total_assets: string | null; innovation_score: number | null; major_incident: boolean | null }>(
      `select enterprise_id, fiscal_year, revenue::text, rd_expense::text, rd_expense_in_china::text, high_tech_revenue::text, total_income::text, employees, st_staff, rd_staff, total_assets::text, innovation_score, major_incident
       from fiscal_year_financials where enterprise_id = any(?::uuid[])`,
    )),
    when('certificates', () => q<{ enterprise_id: string; number: string; issued_on: string; expires_on: string }>(
      `select enterprise_id, number, issued_on::text, expires_on::text from high_tech_certificate
       where enterprise_id = any(?::uuid[]) order by issued_on`,
    )),
    // The date is bound three times before the batch here, so this one gives its own parameters.
    when('patents', () => readRows<{ owner_id: string; number: string; type: string; legal_status: string; granted_on: string | null; pledged: boolean; value: string | null; appraised_on: string | null }>(
      em,
      `select p.owner_id, p.number, p.type, p.legal_status, p.granted_on::text, ${PLEDGED_ON_SQL} as pledged,
              a.value::text, a.appraised_on::text
       from patent p
       left join lateral (select value, appraised_on from patent_appraisal a where a.patent_id = p.id and a.appraised_on <= ? and a.voided_at is null
                          order by appraised_on desc, id desc limit 1) a on true
       where p.owner_id = any(?::uuid[]) order by p.number`,
      [asOf, asOf, asOf, batch],
    )),
    when('ratings', () => q<{ enterprise_id: string; rating: CreditRating; agency: string; rated_on: string; valid_until: string }>(
      `select enterprise_id, rating, agency, rated_on::text, valid_until::text from credit_rating_record where enterprise_id = any(?::uuid[]) and voided_at is null
       order by rated_on desc, created_at desc, id desc`,
    )),
    when('taxGrades', () => q<{ enterprise_id: string; year: number; grade: TaxCreditGradeValue; evaluated_on: string }>(
      `select enterprise_id, year, grade, evaluated_on::text from tax_credit_grade where enterprise_id = any(?::uuid[])`,
    )),
    when('dishonestChecks', () => q<{ enterprise_id: string; checked_on: string; listed: boolean; source: string }>(
      `select enterprise_id, checked_on::text, listed, source from dishonest_debtor_check where enterprise_id = any(?::uuid[]) and voided_at is null
       order by checked_on desc, created_at desc, id desc`,
    )),
    when('defaults', () => q<{ enterprise_id: string; kind: string; defaulted_on: string }>(
      `select h.enterprise_id, i.kind, i.defaulted_on::text from instrument_holder h join financing_instrument i on i.id = h.instrument_id
       where h.enterprise_id = any(?::uuid[]) and i.defaulted_on is not null and ${notVoidedSql('i')}`,
    )),
    when('insurance', () => q<{ enterprise_id: string; insurance_kind: string; start_date: string; end_date: string | null }>(
      `select h.enterprise_id, i.insurance_kind, i.start_date::text, i.end_date::text
       from instrument_holder h join financing_instrument i on i.id = h.instrument_id
       where h.enterprise_id = any(?::uuid[]) and i.kind = 'TECH_INSURANCE' and i.status in ('ACTIVE', 'COMPLETED', 'DEFAULTED') and ${notVoidedSql('i')}
       order by i.start_date desc`,
    )),
    when('qualifications', () => q<{ enterprise_id: string; kind: QualificationKind; number: string; valid_from: string; valid_to: string; issuer: string }>(
      `select enterprise_id, kind, number, valid_from::text, valid_to::text, issuer from qualification
       where enterprise_id = any(?::uuid[]) order by valid_from, number`,
    )),
  ]);

  const facts = new Map<string, EnterpriseFacts>();
  for (const e of enterprises) {
    const f = {
      enterprise: {
        id: e.id,
        creditCode: e.credit_code,
        name: e.name,
        parkName: e.park,
        industry: e.industry,
        highTechField: e.high_tech_field,
        economicSector: e.economic_sector,
        foundedOn: e.founded_on,
        stateOwned: e.state_owned,
        listedOnExchange: e.listed_on_exchange,
        convertedInstitute: e.converted_institute,
        investedByConvertedInstitute: e.invested_by_converted_institute,
        investedByAcademia: e.invested_by_academia,
        university: e.university,
      },
      years: new Map(),
      certificates: [],
      patents: [],
      ratings: [],
      taxGrades: [],
      dishonestChecks: [],
      defaults: [],
      insurance: [],
      qualifications: [],
    } as EnterpriseFacts;
    for (const kind of FACT_KINDS) {
      if (kinds.has(kind)) continue;
      Object.defineProperty(f, kind, {
        get() {
          throw new Error(`a criterion read ${kind}, which no criterion of the program declares (criteria.ts: reads)`);
        },
      });
    }
    facts.set(e.id, f);
  }
  const of = (id: string) => facts.get(id);
  for (const y of years) {
    of(y.enterprise_id)?.years.set(y.fiscal_year, {
      fiscalYear: y.fiscal_year,
      revenue: y.revenue,
      rdExpense: y.rd_expense,
      rdExpenseInChina: y.rd_expense_in_china,
      highTechRevenue: y.high_tech_revenue,
      totalIncome: y.total_income,
      employees: y.employees,
      stStaff: y.st_staff,
      rdStaff: y.rd_staff,
      totalAssets: y.total_assets,
      innovationScore: y.innovation_score,
      majorIncident: y.major_incident,
    });
  }
  for (const c of certificates) of(c.enterprise_id)?.certificates.push({ number: c.number, issuedOn: c.issued_on, expiresOn: c.expires_on });
  for (const p of patents) {
    of(p.owner_id)?.patents.push({
      number: p.number,
      type: p.type,
      legalStatus: p.legal_status,
      grantedOn: p.granted_on,
      pledged: p.pledged,
      appraisal: p.value && p.appraised_on ? { value: p.value, appraisedOn: p.appraised_on } : null,
    });
  }
  for (const r of ratings) of(r.enterprise_id)?.ratings.push({ rating: r.rating, agency: r.agency, ratedOn: r.rated_on, validUntil: r.valid_until });
  for (const g of grades) of(g.enterprise_id)?.taxGrades.push({ year: g.year, grade: g.grade, evaluatedOn: g.evaluated_on });
  for (const c of checks) of(c.enterprise_id)?.dishonestChecks.push({ checkedOn: c.checked_on, listed: c.listed, source: c.source });
  for (const d of defaults) of(d.enterprise_id)?.defaults.push({ kind: d.kind, defaultedOn: d.defaulted_on });
  for (const i of insurance) of(i.enterprise_id)?.insurance.push({ insuranceKind: i.insurance_kind, startDate: i.start_date, endDate: i.end_date });
  for (const x of qualifications) {
    of(x.enterprise_id)?.qualifications.push({ kind: x.kind, number: x.number, validFrom: x.valid_from, validTo: x.valid_to, issuer: x.issuer });
  }
  return facts;
}

/**
 * The facts `f` as a receipt keeps them (JSON): the enterprise (by its credit code, never its raw key) and each kind of
 * fact in `kinds`, the ones the program's criteria read; fiscal years as a list, oldest first.
 */
export function factsAsJson(f: EnterpriseFacts, kinds: ReadonlySet<FactKind>): Record<string, unknown> {
  const { id: _key, ...enterprise } = f.enterprise;
  const json: Record<string, unknown> = { enterprise };
  for (const kind of FACT_KINDS) {
    if (!kinds.has(kind)) continue;
    json[kind] = kind === 'years' ? [...f.years.values()].sort((a, b) => a.fiscalYear - b.fiscalYear) : f[kind];
  }
  return json;
}
