import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../context';
import { type ForwardPageArgs, Page, pageRequest } from '../../common/pagination';
import { readObjects, readRows } from '../../db/read-objects';
import { Institution } from './institution.entity';
import type { InstitutionFilter } from './institution.resolver';

/** A page of institutions: universities first, then research institutes, each by name in pinyin order (keyset). */
export async function findInstitutions(ctx: RequestContext, filter: InstitutionFilter | null, page: ForwardPageArgs): Promise<Page<Institution>> {
  const request = pageRequest(page, 3);
  const knex = ctx.em.getKnex();
  const where = (q: Knex.QueryBuilder) => {
    if (filter?.kind) q.where('i.kind', filter.kind);
    const search = filter?.search?.trim();
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q.where((w) => w.whereRaw("i.name like ? escape '\\'", [pattern]).orWhereRaw("i.name_en ilike ? escape '\\'", [pattern]));
    }
    return q;
  };
  const q = where(knex('institution as i').select('i.*'));
  if (request.cursor) {
    q.whereRaw('(i.kind, i.name collate "zh-x-icu", i.id) > (?::institution_kind, ?::text collate "zh-x-icu", ?::uuid)', request.cursor as Knex.Value[]);
  }
  q.orderByRaw('i.kind, i.name collate "zh-x-icu", i.id').limit(request.limit + 1);
  const rows: Record<string, unknown>[] = await readRows(ctx.em, q);
  return Page.fromRows(
    ctx.loaders.remember(readObjects(ctx.em, Institution, rows)),
    request,
    (i) => i,
    (i) => [i.kind, i.name, i.id],
    async () => {
      const [row] = (await readRows(ctx.em, where(knex('institution as i').count({ n: '*' })))) as { n: string }[];
      return Number(row!.n);
    },
  );
}
