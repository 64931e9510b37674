import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlArray } from '../../common/sql';
import { TaxCreditGrade } from '../credit/credit.entity';
import { Bank } from '../finance/counterparty.entity';
import { Institution } from '../institution/institution.entity';
import { Enterprise } from './enterprise.entity';
import { FiscalYearFinancials } from './financials.entity';
import { IndustryCluster, Park } from './park.entity';

/** A day range, both days included, as the exclusion constraint on authorizations compares them. */
interface Days {
  from: string;
  until: string;
}

const overlap = (a: Days, b: Days) => a.from <= b.until && b.from <= a.until;

/**
 * What the registry's write rules ask of the database (is this code registered, which park has this code, is this
 * year recorded …), asked through one object: a mutation asks once per question as it meets it, and an import of a
 * whole file asks each question once for every row (`preload…`), then runs the very same rules on every row from
 * memory. An answer once known is kept for the life of the object (one mutation, or one import).
 */
export class RegistryFacts {
  private readonly enterprises = new Map<string, Enterprise | null>();
  private readonly banks = new Map<string, Bank | null>();
  private readonly parks = new Map<string, Park | null>();
  private readonly clusters = new Map<string, IndustryCluster | null>();
  private readonly institutions = new Map<string, Institution | null>();
  /** Fiscal years and tax grades by `enterpriseId:year`, for the enterprises preloaded (`yearsLoaded`). */
  private readonly fiscalYears = new Map<string, FiscalYearFinancials>();
  private readonly taxGrades = new Set<string>();
  private readonly yearsLoaded = new Set<string>();
  /** Authorizations in force (unrevoked) by `enterpriseId:bankId:purpose`, for the enterprises preloaded. */
  private readonly authorizations = new Map<string, Days[]>();
  private readonly authorizationsLoaded = new Set<string>();
  private referenceLoaded = false;

  constructor(readonly em: EntityManager) {}

  /** The enterprise registered under a credit code (upper-case), or null. */
  async enterprise(creditCode: string): Promise<Enterprise | null> {
    if (!this.enterprises.has(creditCode)) this.enterprises.set(creditCode, await this.em.findOne(Enterprise, { creditCode }));
    return this.enterprises.get(creditCode)!;
  }

  /** The bank with a credit code, or null. */
  async bank(creditCode: string): Promise<Bank | null> {
    if (!this.banks.has(creditCode)) this.banks.set(creditCode, await this.em.findOne(Bank, { creditCode }));
    return this.banks.get(creditCode)!;
  }

  async park(code: string): Promise<Park | null> {
    if (!this.parks.has(code)) this.parks.set(code, await this.em.findOne(Park, { code }));
    return this.parks.get(code)!;
  }

  async cluster(code: string): Promise<IndustryCluster | null> {
    if (!this.clusters.has(code)) this.clusters.set(code, await this.em.findOne(IndustryCluster, { code }));
    return this.clusters.get(code)!;
  }

  /** The institution with an id (a uuid), or null. */
  async institution(id: string): Promise<Institution | null> {
    if (!this.institutions.has(id)) this.institutions.set(id, await this.em.findOne(Institution, id));
    return this.institutions.get(id)!;
  }

  /** The figures recorded for an enterprise's fiscal year, or null. */
  async fiscalYear(enterprise: Enterprise, fiscalYear: number): Promise<FiscalYearFinancials | null> {
    if (this.yearsLoaded.has(enterprise.id)) return this.fiscalYears.get(`${enterprise.id}:${fiscalYear}`) ?? null;
    return this.em.findOne(FiscalYearFinancials, { enterprise, fiscalYear });
  }

  /** Is a tax credit grade recorded for an enterprise's year? */
  async hasTaxCreditGrade(enterprise: Enterprise, year: number): Promise<boolean> {
    if (this.yearsLoaded.has(enterprise.id)) return this.taxGrades.has(`${enterprise.id}:${year}`);
    return (await this.em.count(TaxCreditGrade, { enterprise, year })) > 0;
  }

  /**
   * Is an unrevoked authorization of the enterprise for the bank and purpose in force on any of these days? The one
   * PostgreSQL's exclusion constraint keeps single (migration one_authorization_in_force); asked before writing, so an
   * import reports it for its row, and the constraint still settles two grants sent at once.
   */
  async isAuthorizationInForce(enterprise: Enterprise, bank: Bank, purpose: string, days: Days): Promise<boolean> {
    const key = `${enterprise.id}:${bank.id}:${purpose}`;
    if (this.authorizationsLoaded.has(enterprise.id)) return (this.authorizations.get(key) ?? []).some((d) => overlap(d, days));
    const rows = await this.em.execute<{ n: string }[]>(
      `select count(*) as n from data_authorization where enterprise_id = ? and bank_id = ? and purpose = ? and revoked_at is null
         and daterange(valid_from, valid_to, '[]') && daterange(?::date, ?::date, '[]')`,
      [enterprise.id, bank.id, purpose, days.from, days.until],
    );
    return Number(rows[0]!.n) > 0;
  }

  /** Reads the enterprises of these credit codes at once (those not registered are known absent). */
  async preloadEnterprises(creditCodes: Iterable<string>): Promise<void> {
    const codes = [...new Set(creditCodes)].filter((c) => !this.enterprises.has(c));
    for (let i = 0; i < codes.length; i += 5_000) {
      const slice = codes.slice(i, i + 5_000);
      for (const code of slice) this.enterprises.set(code, null);
      for (const e of await this.em.find(Enterprise, { creditCode: { $in: slice } })) this.enterprises.set(e.creditCode, e);
    }
  }

  /** Reads every park, cluster, institution and bank at once: reference data, a few hundred rows. */
  async preloadReferenceData(): Promise<void> {
    for (const p of await this.em.find(Park, {})) this.parks.set(p.code, p);
    for (const c of await this.em.find(IndustryCluster, {})) this.clusters.set(c.code, c);
    for (const i of await this.em.find(Institution, {})) this.institutions.set(i.id, i);
    for (const b of await this.em.find(Bank, {})) this.banks.set(b.creditCode, b);
    this.referenceLoaded = true;
  }

  /** Reference data as loaded by `preloadReferenceData` (empty before it): to find a park or a bank by its name. */
  loaded(): { parks: Park[]; clusters: IndustryCluster[]; institutions: Institution[]; banks: Bank[] } {
    if (!this.referenceLoaded) return { parks: [], clusters: [], institutions: [], banks: [] };
    const present = <T>(m: Map<string, T | null>) => [...m.values()].filter((v): v is T => v !== null);
    return { parks: present(this.parks), clusters: present(this.clusters), institutions: present(this.institutions), banks: present(this.banks) };
  }

  /** Reads the fiscal years and tax grades recorded for these enterprises at once. */
  async preloadYears(enterprises: Iterable<Enterprise>): Promise<void> {
    const list = [...new Set(enterprises)].filter((e) => !this.yearsLoaded.has(e.id));
    for (let i = 0; i < list.length; i += 5_000) {
      const slice = list.slice(i, i + 5_000);
      for (const f of await this.em.find(FiscalYearFinancials, { enterprise: { $in: slice } })) {
        this.fiscalYears.set(`${f.enterprise.id}:${f.fiscalYear}`, f);
      }
      const grades = await this.em.execute<{ e: string; y: number }[]>(
        'select enterprise_id as e, year as y from tax_credit_grade where enterprise_id = any(?::uuid[])',
        [sqlArray(slice.map((e) => e.id))],
      );
      for (const g of grades) this.taxGrades.add(`${g.e}:${g.y}`);
      for (const e of slice) this.yearsLoaded.add(e.id);
    }
  }

  /** Reads the unrevoked authorizations of these enterprises at once. */
  async preloadAuthorizations(enterprises: Iterable<Enterprise>): Promise<void> {
    const list = [...new Set(enterprises)].filter((e) => !this.authorizationsLoaded.has(e.id));
    for (let i = 0; i < list.length; i += 5_000) {
      const slice = list.slice(i, i + 5_000);
      const rows = await this.em.execute<{ e: string; b: string; purpose: string; from: string; until: string }[]>(
        `select enterprise_id as e, bank_id as b, purpose, valid_from::text as "from", valid_to::text as until
           from data_authorization where revoked_at is null and enterprise_id = any(?::uuid[])`,
        [sqlArray(slice.map((e) => e.id))],
      );
      for (const r of rows) {
        const key = `${r.e}:${r.b}:${r.purpose}`;
        this.authorizations.set(key, [...(this.authorizations.get(key) ?? []), { from: r.from, until: r.until }]);
      }
      for (const e of slice) this.authorizationsLoaded.add(e.id);
    }
  }
}
