import DataLoader from 'dataloader';
import { createUnionType } from 'type-graphql';
import { Role } from '../../auth/roles';
import { fromGlobalId } from '../../common/global-id';
import { typeNamedAfterClass } from '../../common/node';
import { sqlArray } from '../../common/sql';
import type { RequestContext } from '../../context';
import { readAll } from '../../db/read-objects';
import { CppccMember, HandlingUnit } from '../cppcc/cppcc.entity';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Bank } from '../finance/counterparty.entity';

/** What a token acts for (src/auth/organisations.ts checks it exists on every request). */
export const Organization = createUnionType({
  name: 'Organization',
  description:
    'What a token acts for: a bank (for a bank officer), an enterprise (for its representative), a CPPCC member (政协委员) ' +
    'or a handling unit (承办单位). Administrators and the CPPCC proposals office act for none.',
  types: () => [Bank, Enterprise, CppccMember, HandlingUnit] as const,
  resolveType: typeNamedAfterClass,
});

export type OrganizationRecord = Bank | Enterprise | CppccMember | HandlingUnit;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The uuid of a member's or unit's record as a token names it: its global id (or, failing that, the uuid itself). */
function recordId(key: string, type: 'CppccMember' | 'HandlingUnit'): string | null {
  const parsed = fromGlobalId(key);
  if (parsed) return parsed.type === type ? parsed.id : null;
  return UUID.test(key) ? key : null;
}

/**
 * The organization a role acted for, named as its token named it (`key`); null for a role that acts for none, or when
 * the organization is no longer registered. Batched over the request: one statement per kind of organization asked
 * for (banks and handling units are reference data, read whole once per request; enterprises by credit code; members
 * by id), whatever the number of actors in the answer.
 */
export function organizationOf(ctx: RequestContext, role: Role, key: string | null): Promise<OrganizationRecord | null> {
  if (!key) return Promise.resolve(null);
  const loader = ctx.loaders.custom<string, OrganizationRecord | null>('organizations', () =>
    new DataLoader(async (keys) => {
      const parts = keys.map((k) => {
        const colon = k.indexOf(':');
        return { role: k.slice(0, colon) as Role, key: k.slice(colon + 1) };
      });
      const keysOf = (r: Role) => [...new Set(parts.filter((p) => p.role === r).map((p) => p.key))];
      const enterpriseCodes = keysOf(Role.ENTERPRISE_REP);
      const [banks, enterprises, units] = await Promise.all([
        keysOf(Role.BANK_OFFICER).length ? ctx.loaders.all(Bank) : [],
        enterpriseCodes.length
          ? readAll(ctx.em, Enterprise, {}, { sql: 'credit_code = any(?::text[])', bindings: [sqlArray(enterpriseCodes)] })
          : [],
        keysOf(Role.HANDLING_UNIT).length ? ctx.loaders.all(HandlingUnit) : [],
      ]);
      // Enterprises read here are the request's records like any other (the policy finds them, `byId` answers them).
      const byId = ctx.loaders.byId(Enterprise);
      for (const e of ctx.loaders.remember(enterprises)) byId.prime(e.id, e);
      const memberIds = keysOf(Role.CPPCC_MEMBER).map((k) => recordId(k, 'CppccMember')).filter((id): id is string => !!id);
      const members = await ctx.loaders.byIds(CppccMember, memberIds);
      const find: Record<Role, (key: string) => OrganizationRecord | undefined> = {
        [Role.BANK_OFFICER]: (k) => banks.find((b) => b.creditCode === k),
        [Role.ENTERPRISE_REP]: (k) => enterprises.find((e) => e.creditCode === k),
        [Role.CPPCC_MEMBER]: (k) => members.find((m) => m.id === recordId(k, 'CppccMember')),
        [Role.HANDLING_UNIT]: (k) => units.find((u) => u.id === recordId(k, 'HandlingUnit')),
        [Role.ZONE_ADMIN]: () => undefined,
        [Role.CPPCC_OFFICE]: () => undefined,
      };
      return parts.map((p) => find[p.role]?.(p.key) ?? null);
    }),
  );
  return loader.load(`${role}:${key}`);
}
