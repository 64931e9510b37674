import DataLoader from 'dataloader';
import { Condition, managedRoles, TYPES } from '../../auth/policy';
import { type ForwardPageArgs, Page, pageRequest } from '../../common/pagination';
import { badUserInput } from '../../common/errors';
import { sqlArray } from '../../common/sql';
import type { RequestContext } from '../../context';
import { readObjects, readRows } from '../../db/read-objects';
import { Account } from './account.entity';
import type { AccountFilter } from './account.inputs';
import { normalizeUsername } from './account.service';

/**
 * The roles whose accounts the viewer sees (the Account row rule of src/auth/policy.ts, applied in the WHERE clause):
 * null for every role's (an administrator), the roles it manages for the office, none for anyone else.
 */
function visibleRoles(ctx: RequestContext): string[] | null {
  const role = ctx.viewer?.role ?? null;
  const grant = role ? TYPES['Account']!.rows[role] : undefined;
  if (grant === true) return null;
  if (grant === Condition.MANAGED_BY_VIEWER) return managedRoles(role);
  return [];
}

/**
 * A page of accounts, by username in code point order (unique: the keyset is the username alone). Neither rows nor totalCount tell of an
 * account the viewer may not see.
 */
export async function findAccounts(ctx: RequestContext, filter: AccountFilter | null, page: ForwardPageArgs): Promise<Page<Account>> {
  const request = pageRequest(page, 1);
  const conditions: string[] = [];
  const bindings: unknown[] = [];
  const roles = visibleRoles(ctx);
  if (roles) {
    conditions.push('a.role = any(?::text[])');
    bindings.push(sqlArray(roles));
  }
  if (filter?.role) {
    conditions.push('a.role = ?');
    bindings.push(filter.role);
  }
  if (filter?.isDisabled != null) conditions.push(filter.isDisabled ? 'a.disabled_at is not null' : 'a.disabled_at is null');
  const search = filter?.search?.trim();
  if (search) {
    if ([...search].length > 100) throw badUserInput('search must be at most 100 characters.', 'filter.search');
    // strpos, not like: a "%" or "_" searched for is itself.
    conditions.push('(strpos(a.username, ?) > 0 or strpos(lower(a.display_name), lower(?)) > 0)');
    bindings.push(normalizeUsername(search), search);
  }
  const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
  // By code point ("C"), whatever the server's locale: the same order on every deployment, and digits, ".", "-" and "_"
  // not skipped over as a locale's collation would. A zone's accounts are a few thousand: sorted without an index.
  const after = request.cursor ? `${where ? 'and' : 'where'} a.username collate "C" > ?::text collate "C"` : '';
  const rows = await readRows<Record<string, unknown>>(
    ctx.em,
    `select a.* from account a ${where} ${after} order by a.username collate "C" limit ?`,
    [...bindings, ...(request.cursor ? [String(request.cursor[0])] : []), request.limit + 1],
  );
  const accounts = ctx.loaders.remember(readObjects(ctx.em, Account, rows));
  return Page.fromRows(
    accounts,
    request,
    (a) => a,
    (a) => [a.username],
    async () => {
      const [row] = await readRows<{ n: string }>(ctx.em, `select count(*) as n from account a ${where}`, bindings);
      return Number(row!.n);
    },
  );
}

/** Until when each username is locked (sign_in_failure), batched over the request: null when it is not locked now. */
export function lockedUntil(ctx: RequestContext, username: string): Promise<Date | null> {
  const loader = ctx.loaders.custom<string, Date | null>('accountLocks', () =>
    new DataLoader(async (usernames) => {
      const rows = await readRows<{ username: string; locked_until: Date }>(
        ctx.em,
        'select username, locked_until from sign_in_failure where username = any(?::text[]) and locked_until > now()',
        [sqlArray([...usernames])],
      );
      const byName = new Map(rows.map((r) => [r.username, new Date(r.locked_until)]));
      return usernames.map((u) => byName.get(u) ?? null);
    }),
  );
  return loader.load(username);
}
