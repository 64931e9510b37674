import DataLoader from 'dataloader';
import type { RequestContext } from '../../context';
import { Page, pageRequest, type ForwardPageArgs } from '../../common/pagination';
import { sqlArray } from '../../common/sql';
import { InstrumentKind } from './enums';
import { FinancingInstrument, notVoidedSql } from './instrument.entity';
import { readObjects, readRows } from '../../db/read-objects';
import type { CustomRead } from '../../db/read-plan';
import { connection, cursorSql, dateText } from '../../db/sql-answer';

/**
 * Pages of each enterprise's instruments (newest first), for many enterprises in one query: a window function
 * numbers each enterprise's rows so `first` applies per enterprise. One loader per distinct (kinds, page) arguments;
 * the page of enterprises reads it ahead for all its enterprises (src/db/read-plan.ts).
 */
export function instrumentPagesRead(
  ctx: RequestContext,
  kinds: InstrumentKind[] | null | undefined,
  args: ForwardPageArgs,
): CustomRead & {
  pages(
    enterpriseIds: readonly string[],
    instruments: FinancingInstrument[],
    holders: readonly (string | null)[],
    totals: readonly (string | null)[],
  ): Page<FinancingInstrument>[];
} {
  const request = pageRequest(args, 2);
  const kindList = kinds?.length ? [...new Set(kinds)].sort() : null;
  const counts = instrumentCounts(ctx, kindList);
  return {
    key: `instrumentPages:${JSON.stringify({ kindList, first: request.limit, after: request.cursor })}`,
    entity: FinancingInstrument,
    extra: ['holder_enterprise_id', 'holder_total'],
    order: 't.holder_enterprise_id, t.rn',
    sql(enterpriseIds) {
      const bindings: unknown[] = [];
      let kindClause = '';
      if (kindList) {
        kindClause = 'and i.kind = any(?::instrument_kind[])';
        bindings.push(sqlArray(kindList));
      }
      let cursorClause = '';
      if (request.cursor) {
        cursorClause = 'where (t.start_date, t.id) < (?::date, ?::uuid)';
        bindings.push(request.cursor[0], request.cursor[1]);
      }
      bindings.push(request.limit + 1);
      return {
        sql: `select u.* from (
           select t.*, row_number() over (partition by t.holder_enterprise_id order by t.start_date desc, t.id desc) as rn
           from (
             -- holder_total: the whole list's length (its totalCount), counted before the cursor cuts it
             select i.*, h.enterprise_id as holder_enterprise_id, count(*) over (partition by h.enterprise_id) as holder_total
             from instrument_holder h join financing_instrument i on i.id = h.instrument_id
             where h.enterprise_id = any(${enterpriseIds}) and ${notVoidedSql('i')} ${kindClause}
           ) t ${cursorClause}
         ) u where u.rn <= ?`,
        bindings,
      };
    },
    /**
     * Each enterprise's page, from the instruments read (in order), the enterprise each row was read for and the
     * length of that enterprise's whole list.
     */
    pages(enterpriseIds, instruments, holders, totals) {
      const byEnterprise = new Map<string, FinancingInstrument[]>(enterpriseIds.map((id) => [id, []]));
      instruments.forEach((instrument, i) => byEnterprise.get(holders[i]!)?.push(instrument));
      // The first page holds a row of every enterprise with any instrument, so the lengths are known (0 without a
      // row); after a cursor an enterprise's rows may all be cut, so totalCount is left to its own loader.
      if (!request.cursor) {
        const total = new Map(holders.map((h, i) => [h, Number(totals[i])]));
        for (const id of enterpriseIds) counts.prime(id, total.get(id) ?? 0);
      }
      // A holder's share of the amount reads its instrument by id: these are the instruments.
      const byId = ctx.loaders.byId(FinancingInstrument);
      for (const list of byEnterprise.values()) for (const i of ctx.loaders.remember(list)) byId.prime(i.id, i);
      return enterpriseIds.map((id) =>
        Page.fromRows(
          byEnterprise.get(id)!,
          request,
          (i) => i,
          (i) => [i.startsOn, i.id],
          () => counts.load(id),
        ),
      );
    },
    prime(_loaders, enterpriseIds, rows) {
      const loader = pageLoader(ctx, this);
      const pages = this.pages(enterpriseIds, rows.objects(FinancingInstrument), rows.text('holder_enterprise_id'), rows.text('holder_total'));
      enterpriseIds.forEach((id, i) => loader.prime(id, pages[i]!));
    },
  };
}

/** The loader of one (kinds, page) of instruments per enterprise. */
function pageLoader(ctx: RequestContext, read: ReturnType<typeof instrumentPagesRead>): DataLoader<string, Page<FinancingInstrument>> {
  return ctx.loaders.custom(read.key, () =>
    new DataLoader<string, Page<FinancingInstrument>>(async (enterpriseIds) => {
      const { sql, bindings } = read.sql('?::uuid[]');
      const rows = await readRows(ctx.em, `${sql} order by u.holder_enterprise_id, u.rn`, [sqlArray(enterpriseIds), ...bindings]);
      // The builder reads the instrument's own columns; holder_enterprise_id and rn are left on the row.
      return read.pages(
        enterpriseIds,
        readObjects(ctx.em, FinancingInstrument, rows),
        rows.map((r) => r['holder_enterprise_id'] as string),
        rows.map((r) => r['holder_total'] as string),
      );
    }),
  );
}

export function instrumentPages(
  ctx: RequestContext,
  kinds: InstrumentKind[] | null | undefined,
  args: ForwardPageArgs,
): DataLoader<string, Page<FinancingInstrument>> {
  return pageLoader(ctx, instrumentPagesRead(ctx, kinds, args));
}

/** How many instruments (of the given kinds) each enterprise holds; loaded only when totalCount is asked for. */
function instrumentCounts(ctx: RequestContext, kinds: InstrumentKind[] | null): DataLoader<string, number> {
  return ctx.loaders.custom(`instrumentCounts:${JSON.stringify(kinds)}`, () =>
    new DataLoader<string, number>(async (enterpriseIds) => {
      const rows: { enterprise_id: string; n: string }[] = await readRows(
        ctx.em,
        `select h.enterprise_id, count(*) as n
         from instrument_holder h join financing_instrument i on i.id = h.instrument_id
         where h.enterprise_id = any(?::uuid[]) and ${notVoidedSql('i')} ${kinds ? 'and i.kind = any(?::instrument_kind[])' : ''}
         group by h.enterprise_id`,
        kinds ? [sqlArray(enterpriseIds), sqlArray(kinds)] : [sqlArray(enterpriseIds)],
      );
      const counted = new Map(rows.map((r) => [r.enterprise_id, Number(r.n)]));
      return enterpriseIds.map((id) => counted.get(id) ?? 0);
    }),
  );
}

/**
 * `Enterprise.instruments` in SQL (src/db/sql-answer.ts): the same page as `instrumentPagesRead` (newest first, start
 * date then id descending, `first` per enterprise, after a cursor of both), for one enterprise row `t`.
 */
export const instrumentsAnswer = connection((t, q, args) => {
  const request = pageRequest(args as ForwardPageArgs, 2);
  const kinds = args['kinds'] as InstrumentKind[] | null | undefined;
  const kindList = kinds?.length ? [...new Set(kinds)].sort() : null;
  const kindClause = kindList ? `and i.kind = any(${q.p(sqlArray(kindList))}::instrument_kind[])` : '';
  const held = `instrument_holder h join financing_instrument i on i.id = h.instrument_id where h.enterprise_id = ${t}.id and ${notVoidedSql('i')} ${kindClause}`;
  const after = request.cursor ? `and (i.start_date, i.id) < (${q.p(request.cursor[0])}::date, ${q.p(request.cursor[1])}::uuid)` : '';
  return {
    entity: FinancingInstrument,
    rows: `select i.*, row_number() over (order by i.start_date desc, i.id desc) as __rn from ${held} ${after}
           order by i.start_date desc, i.id desc limit ${q.p(request.limit + 1)}::int`,
    limit: request.limit,
    backward: false,
    cursorGiven: request.cursor !== null,
    cursor: (c) => cursorSql([dateText(`${c}.start_date`), `${c}.id::text`]),
    total: () => `(select count(*) from ${held})`,
  };
});
