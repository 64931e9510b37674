import { zoneToday } from '../../clock';
import { badUserInput } from '../../common/errors';
import { type ForwardPageArgs, Page, type PageArgs, pageRequest } from '../../common/pagination';
import { sqlArray } from '../../common/sql';
import type { RequestContext } from '../../context';
import { readObjects, readRows } from '../../db/read-objects';
import { DataAuthorization, inForceSql } from './authorization.entity';
import { DataAuthorizationOrder } from './authorization.inputs';

/** Which authorizations a list holds, before the viewer's visibility is applied. */
export interface AuthorizationScopeOfList {
  /** Granted by this enterprise. */
  creditCode?: string | null;
  /** Granted to this bank. */
  bankCreditCode?: string | null;
  /** true: in force today (Asia/Shanghai); false: not (revoked, ended, or not yet begun); null: all. */
  active?: boolean | null;
  /** Whose last day in force (`validUntil`) is on or before this date. */
  endingBy?: string | null;
  /** NEWEST_GRANT_FIRST when not given. */
  order?: DataAuthorizationOrder | null;
}

/**
 * How each order is keyset-paged: the sort key over `a` (a data_authorization row) and the id after it, both one way,
 * so a row comparison finds the rows after a cursor and the (key, id) order serves both directions. The grant's
 * instant is kept in the cursor as PostgreSQL's own text, so no microsecond is lost; a cursor of the other order is
 * refused by its shape.
 */
const ORDERS: Record<DataAuthorizationOrder, { key: string; param: string; descending: boolean; shape: RegExp }> = {
  [DataAuthorizationOrder.NEWEST_GRANT_FIRST]: { key: 'a.created_at', param: '?::timestamptz', descending: true, shape: /^\d{4}-\d{2}-\d{2} \d/ },
  [DataAuthorizationOrder.EARLIEST_END_FIRST]: { key: 'a.valid_to', param: '?::date', descending: false, shape: /^\d{4}-\d{2}-\d{2}$/ },
};

/**
 * A page of authorizations in the order asked for (newest grant first unless told), keyset-paged both ways.
 * Visibility is in the WHERE clause: a viewer who does not see every enterprise (a representative, a bank) lists only
 * those of the enterprises it sees, so neither rows nor totalCount tell of others (the DataAuthorization row rule of
 * src/auth/policy.ts).
 */
export async function findAuthorizations(
  ctx: RequestContext,
  list: AuthorizationScopeOfList,
  page: PageArgs | ForwardPageArgs,
): Promise<Page<DataAuthorization>> {
  const request = pageRequest(page, 2);
  const order = ORDERS[list.order ?? DataAuthorizationOrder.NEWEST_GRANT_FIRST];
  if (request.cursor && !(typeof request.cursor[0] === 'string' && order.shape.test(request.cursor[0]))) {
    const field = request.backward ? 'before' : 'after';
    throw badUserInput(`${field} is not a cursor from this list.`, field);
  }
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
  if (list.endingBy) {
    conditions.push('a.valid_to <= ?::date');
    bindings.push(list.endingBy);
  }
  const visible = await ctx.access.visibleEnterpriseIds();
  if (visible) {
    conditions.push('a.enterprise_id = any(?::uuid[])');
    bindings.push(sqlArray([...visible]));
  }
  const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
  // Read backwards, the order turns round (and Page.fromRows turns the page back).
  const descending = order.descending !== request.backward;
  const after = request.cursor ? `${where ? 'and' : 'where'} (${order.key}, a.id) ${descending ? '<' : '>'} (${order.param}, ?::uuid)` : '';
  const direction = descending ? 'desc' : 'asc';
  const rows = await readRows<Record<string, unknown> & { key_text: string }>(
    ctx.em,
    `select a.*, ${order.key}::text as key_text from data_authorization a ${where} ${after}
     order by ${order.key} ${direction}, a.id ${direction} limit ?`,
    [...bindings, ...(request.cursor ? [request.cursor[0], request.cursor[1]] : []), request.limit + 1],
  );
  const authorizations = ctx.loaders.remember(readObjects(ctx.em, DataAuthorization, rows));
  const cursors = new Map(authorizations.map((a, i) => [a, [rows[i]!.key_text, a.id]]));
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
