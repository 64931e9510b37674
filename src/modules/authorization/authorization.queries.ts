import { zoneToday } from '../../clock';
import { type ForwardPageArgs, Page, pageRequest } from '../../common/pagination';
import { sqlArray } from '../../common/sql';
import type { RequestContext } from '../../context';
import { readObjects, readRows } from '../../db/read-objects';
import { DataAuthorization, inForceSql } from './authorization.entity';

/** Which authorizations a list holds, before the viewer's visibility is applied. */
export interface AuthorizationScopeOfList {
  /** Granted by this enterprise. */
  creditCode?: string;
  /** Granted to this bank. */
  bankCreditCode?: string;
  /** true: in force today (Asia/Shanghai); false: not (revoked, ended, or not yet begun); null: all. */
  active?: boolean | null;
  /** Only those whose last day is on or before this date (Asia/Shanghai): those about to end (到期提醒). */
  endingBy?: string | null;
}

/**
 * A page of authorizations, newest grant first (then id): keyset-paged on (created_at, id), the cursor holding
 * PostgreSQL's own text of the instant so no microsecond is lost. Visibility is in the WHERE clause: a viewer who does
 * not see every enterprise (a representative, a bank) lists only those of the enterprises it sees, so neither rows
 * nor totalCount tell of others (the DataAuthorization row rule of src/auth/policy.ts).
 */
export async function findAuthorizations(
  ctx: RequestContext,
  list: AuthorizationScopeOfList,
  page: ForwardPageArgs,
): Promise<Page<DataAuthorization>> {
  const request = pageRequest(page, 2);
  const conditions: string[] = [];
  const bindings: unknown[] = [];
  if (list.creditCode) {
    conditions.push('a.enterprise_id = (select id from enterprise where credit_code = ?)');
    bindings.push(list.creditCode);
  }
  if (list.bankCreditCode) {
    conditions.push('a.bank_id = (select id from bank where credit_code = ?)');
    bindings.push(list.bankCreditCode);
  }
  if (list.active != null) {
    const today = zoneToday();
    conditions.push(list.active ? `(${inForceSql('a')})` : `not (${inForceSql('a')})`);
    bindings.push(today, today);
  }
  if (list.endingBy != null) {
    conditions.push('a.valid_to <= ?::date');
    bindings.push(list.endingBy);
  }
  const visible = await ctx.access.visibleEnterpriseIds();
  if (visible) {
    conditions.push('a.enterprise_id = any(?::uuid[])');
    bindings.push(sqlArray([...visible]));
  }
  const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
  const after = request.cursor ? `${where ? 'and' : 'where'} (a.created_at, a.id) < (?::timestamptz, ?::uuid)` : '';
  const rows = await readRows<Record<string, unknown> & { created_at_text: string }>(
    ctx.em,
    `select a.*, a.created_at::text as created_at_text from data_authorization a ${where} ${after}
     order by a.created_at desc, a.id desc limit ?`,
    [...bindings, ...(request.cursor ? [request.cursor[0], request.cursor[1]] : []), request.limit + 1],
  );
  const authorizations = ctx.loaders.remember(readObjects(ctx.em, DataAuthorization, rows));
  const cursors = new Map(authorizations.map((a, i) => [a, [rows[i]!.created_at_text, a.id]]));
  return Page.fromRows(
    authorizations,
    request,
    (a) => a,
    (a) => cursors.get(a)!,
    async () => {
      const [row] = await readRows<{ n: string }>(ctx.em, `select count(*) as n from data_authorization a ${where}`, bindings);
      return Number(row!.n);
    },
  );
}
