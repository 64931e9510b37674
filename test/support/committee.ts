import type { MikroORM } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../src/common/global-id';

/** A member as the CPPCC tests name it: global id, name, committee levels. */
export interface CommitteeMember {
  id: string;
  name: string;
  levels: string[];
}

/**
 * The committee on the worker's database (the demo's, once seeded): members by name (the first of a name: synthetic
 * names may repeat) and by global id, and handling units' global ids by name.
 */
export async function readCommittee(orm: MikroORM): Promise<{ members: Record<string, CommitteeMember>; byId: Record<string, CommitteeMember>; units: Record<string, string> }> {
  const em = orm.em.fork();
  const members: Record<string, CommitteeMember> = {};
  const byId: Record<string, CommitteeMember> = {};
  const units: Record<string, string> = {};
  for (const m of await em.execute<{ id: string; name: string; levels: string[] }[]>('select id, name, levels::text[] as levels from cppcc_member order by id')) {
    const entry = { id: toGlobalId('CppccMember', m.id), name: m.name, levels: m.levels };
    members[m.name] ??= entry;
    byId[entry.id] = entry;
  }
  for (const u of await em.execute<{ id: string; name: string }[]>('select id, name from handling_unit')) units[u.name] = toGlobalId('HandlingUnit', u.id);
  return { members, byId, units };
}
