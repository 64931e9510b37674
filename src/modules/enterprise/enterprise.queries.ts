import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/postgresql';
import { zoneToday } from '../../clock';
import { badUserInput } from '../../common/errors';
import { sqlArray } from '../../common/sql';
import { Page, pageRequest, type PageArgs, SortDirection } from '../../common/pagination';
import { Enterprise } from './enterprise.entity';
import { type EnterpriseFilter, type EnterpriseOrder, EnterpriseOrderField } from './enterprise.inputs';
import { readObjects, readRows } from '../../db/read-objects';
import { dateText } from '../../db/sql-answer';
import { notVoidedSql } from '../finance/instrument.entity';
import { pinyinQuery } from './pinyin';

/** Longest search text accepted. */
const MAX_SEARCH = 100;
export const MAX_CREDIT_CODES = 1000;


const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The 1- or 2-grams a name must contain to contain `text` (see the innozone_ngrams migration). */
export function searchGrams(text: string): string[] {
  const lower = text.toLowerCase();
  const chars = [...lower];
  if (chars.length === 1) return chars;
  const grams = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

/** What the filter needs beyond its own fields: the viewer's visible enterprises, and the outreach condition. */
export interface FilterScope {
  /** null: every enterprise. */
  visible: ReadonlySet<string> | null;
  /** `filter.outreach` as SQL (prepared by the eligibility module, which reads the rules in force). */
  outreach?: { sql: string; bindings: unknown[] } | null;
  /** Whose instruments the viewer may see (a bank: INSTRUMENTS scope); null: everyone it sees. */
  instruments?: ReadonlySet<string> | null;
}

/**
 * Adds the filter's conditions to a query over `enterprise as e`. Used by the list, its count, and the portfolio
 * summary, so all three always agree on which enterprises a filter means. `visible` (from the viewer's Access;
 * null: all) keeps out every enterprise the viewer may not see, so neither rows nor counts reveal them.
 */
export function applyEnterpriseFilter(
  q: Knex.QueryBuilder,
  filter: EnterpriseFilter | null | undefined,
  today: string,
  scope: FilterScope = { visible: null },
) {
  if (scope.visible) q.whereRaw('e.id = any(?::uuid[])', [sqlArray([...scope.visible])]);
  if (scope.outreach) q.whereRaw(scope.outreach.sql, scope.outreach.bindings as Knex.Value[]);
  if (!filter) return q;
  // The pre-v1 names, deprecated aliases until 2027-06-30: the v1 name wins when both are given.
  filter = { ...filter, isHighTech: filter.isHighTech ?? filter.highTech, isUniversityAffiliated: filter.isUniversityAffiliated ?? filter.universityAffiliated };
  const search = filter.search?.trim();
  if (search) {
    if ([...search].length > MAX_SEARCH) {
      throw badUserInput(`search is at most ${MAX_SEARCH} characters.`, 'filter.search');
    }
    const like = `%${escapeLike(search)}%`;
    q.where((w) => {
      // The gram containment is what the GIN index answers; ILIKE then removes false positives.
      w.where((n) =>
        n
          .whereRaw(`innozone_ngrams(e.name || ' ' || coalesce(e.name_en, '')) @> ?::text[]`, [sqlArray(searchGrams(search))])
          .andWhere((m) => m.whereRaw('e.name ilike ?', [like]).orWhereRaw('e.name_en ilike ?', [like])),
      );
      // Latin letters may be the name's pinyin, full or initials (huagong, hgkj): its own gram index answers.
      const spelled = pinyinQuery(search);
      if (spelled) {
        w.orWhere((p) =>
          p
            .whereRaw('innozone_ngrams(e.name_pinyin) @> ?::text[]', [sqlArray(searchGrams(spelled))])
            .andWhereRaw('e.name_pinyin like ?', [`%${escapeLike(spelled)}%`]),
        );
      }
      if (/^[0-9A-Za-z]{1,18}$/.test(search)) {
        w.orWhereRaw('e.credit_code like ?', [`${escapeLike(search.toUpperCase())}%`]);
      }
    });
  }
  if (filter.industries?.length) q.whereIn('e.industry', filter.industries);
  if (filter.sizes?.length) q.whereIn('e.size', filter.sizes);
  if (filter.parks?.length) {
    q.whereIn('e.park_id', (s: Knex.QueryBuilder) => s.select('id').from('park').whereIn('code', filter.parks!));
  }
  if (filter.clusters?.length) {
    q.whereIn('e.cluster_id', (s: Knex.QueryBuilder) =>
      s.select('id').from('industry_cluster').whereIn('code', filter.clusters!),
    );
  }
  if (filter.isHighTech != null) {
    const valid =
      'select 1 from high_tech_certificate c where c.enterprise_id = e.id and c.issued_on <= ? and c.expires_on >= ?';
    q.whereRaw(`${filter.isHighTech ? '' : 'not '}exists (${valid})`, [today, today]);
  }
  if (filter.instrumentKinds?.length) {
    q.whereRaw(
      `exists (select 1 from instrument_holder h join financing_instrument i on i.id = h.instrument_id
               where h.enterprise_id = e.id and i.kind = any(?::instrument_kind[]) and ${notVoidedSql('i')})`,
      [sqlArray(filter.instrumentKinds)],
    );
    // Whose instruments the viewer may not see do not match: the filter must not tell what they hold.
    if (scope.instruments) q.whereRaw('e.id = any(?::uuid[])', [sqlArray([...scope.instruments])]);
  }
  if (filter.isUniversityAffiliated != null) {
    if (filter.isUniversityAffiliated) q.whereNotNull('e.university_id');
    else q.whereNull('e.university_id');
  }
  if (filter.creditCodes) {
    if (filter.creditCodes.length > MAX_CREDIT_CODES) {
      throw badUserInput(`creditCodes takes at most ${MAX_CREDIT_CODES} codes.`, 'filter.creditCodes');
    }
    q.whereIn('e.credit_code', filter.creditCodes);
  }
  return q;
}

interface SortKey {
  /** SQL expression over `e`. */
  expr: string;
  /** How a cursor value is written back into SQL (cast or collation). */
  param: string;
  desc: boolean;
  value: (e: Enterprise) => unknown;
  /** The same value in SQL over a row `t` of the page (what the cursor holds: text, as the read object has it). */
  text: (t: string) => string;
}

const SORT_KEYS: Record<EnterpriseOrderField, Omit<SortKey, 'desc'>> = {
  [EnterpriseOrderField.NAME]: { expr: 'e.name collate "zh-x-icu"', param: '?::text collate "zh-x-icu"', value: (e) => e.name, text: (t) => `${t}.name` },
  [EnterpriseOrderField.NAME_EN]: {
    expr: "coalesce(e.name_en, '')",
    param: '?::text',
    value: (e) => e.nameEn ?? '',
    text: (t) => `coalesce(${t}.name_en, '')`,
  },
  [EnterpriseOrderField.CREDIT_CODE]: { expr: 'e.credit_code', param: '?::text', value: (e) => e.creditCode, text: (t) => `${t}.credit_code::text` },
  [EnterpriseOrderField.FOUNDED_ON]: { expr: 'e.founded_on', param: '?::date', value: (e) => e.foundedOn, text: (t) => dateText(`${t}.founded_on`) },
  [EnterpriseOrderField.REGISTERED_CAPITAL]: {
    expr: 'e.registered_capital',
    param: '?::numeric',
    value: (e) => e.registeredCapital,
    text: (t) => `${t}.registered_capital::text`,
  },
};

function sortKeys(orderBy: EnterpriseOrder[] | null | undefined): SortKey[] {
  const given = orderBy?.length ? orderBy : [{ field: EnterpriseOrderField.NAME, direction: SortDirection.ASC }];
  const seen = new Set<EnterpriseOrderField>();
  const keys: SortKey[] = [];
  for (const o of given) {
    if (seen.has(o.field)) throw badUserInput(`orderBy names ${o.field} twice.`, 'orderBy');
    seen.add(o.field);
    keys.push({ ...SORT_KEYS[o.field], desc: o.direction === SortDirection.DESC });
  }
  // The id breaks ties, so every row has exactly one place and pages neither repeat nor skip a row.
  keys.push({ expr: 'e.id', param: '?::uuid', desc: keys[keys.length - 1]!.desc, value: (e) => e.id, text: (t) => `${t}.id::text` });
  return keys;
}

/** Rows strictly after the cursor in the (possibly reversed) order. */
function whereAfter(q: Knex.QueryBuilder, keys: SortKey[], cursor: unknown[], reverse: boolean) {
  const greater = (k: SortKey) => (k.desc !== reverse ? '<' : '>');
  if (keys.every((k) => k.desc === keys[0]!.desc)) {
    // One direction: a row comparison, which the (key, id) indexes serve.
    q.whereRaw(`(${keys.map((k) => k.expr).join(', ')}) ${greater(keys[0]!)} (${keys.map((k) => k.param).join(', ')})`, cursor as Knex.Value[]);
    return;
  }
  // Mixed directions: (a > x) or (a = x and b < y) or …
  const clauses: string[] = [];
  const bindings: unknown[] = [];
  keys.forEach((k, i) => {
    const eq = keys.slice(0, i).map((p) => `${p.expr} = ${p.param}`);
    clauses.push(`(${[...eq, `${k.expr} ${greater(k)} ${k.param}`].join(' and ')})`);
    bindings.push(...cursor.slice(0, i), cursor[i]);
  });
  q.whereRaw(`(${clauses.join(' or ')})`, bindings as Knex.Value[]);
}

/**
 * The statement of one page of enterprises (and one row more, which tells there is more), keyset-paged both ways: for
 * the list below and for its answer in SQL (src/db/sql-answer.ts), which numbers the rows in the order read (`__rn`).
 */
export function enterprisePageQuery(
  em: EntityManager,
  filter: EnterpriseFilter | null | undefined,
  orderBy: EnterpriseOrder[] | null | undefined,
  args: PageArgs,
  scope: FilterScope = { visible: null },
  options: { numbered?: boolean } = {},
) {
  const keys = sortKeys(orderBy);
  const request = pageRequest(args, keys.length);
  const today = zoneToday();
  const knex = em.getKnex();
  const q = applyEnterpriseFilter(knex('enterprise as e').select('e.*'), filter, today, scope);
  if (request.cursor) whereAfter(q, keys, request.cursor, request.backward);
  const order = keys.map((k) => `${k.expr} ${k.desc !== request.backward ? 'desc' : 'asc'}`).join(', ');
  if (options.numbered) q.select(knex.raw(`row_number() over (order by ${order}) as __rn`));
  q.orderByRaw(order);
  q.limit(request.limit + 1);
  const count = () => applyEnterpriseFilter(knex('enterprise as e').count({ n: '*' }), filter, today, scope);
  return { query: q, keys, request, count };
}

/** One page of enterprises, keyset-paged both ways; totalCount runs only when asked for. */
export async function findEnterprisePage(
  em: EntityManager,
  filter: EnterpriseFilter | null | undefined,
  orderBy: EnterpriseOrder[] | null | undefined,
  args: PageArgs,
  scope: FilterScope = { visible: null },
): Promise<Page<Enterprise>> {
  const { query, keys, request, count } = enterprisePageQuery(em, filter, orderBy, args, scope);
  const rows: Record<string, unknown>[] = await readRows(em, query);
  const entities = readObjects(em, Enterprise, rows);
  return Page.fromRows(
    entities,
    request,
    (e) => e,
    (e) => keys.map((k) => k.value(e)),
    async () => {
      const [row] = (await readRows(em, count())) as { n: string }[];
      return Number(row!.n);
    },
  );
}
