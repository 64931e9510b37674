import DataLoader from 'dataloader';
import type { RequestContext } from '../../context';
import { sqlArray } from '../../common/sql';
import { readObjects, readRows } from '../../db/read-objects';
import type { CustomRead } from '../../db/read-plan';
import { ResearchProject } from './project.entity';

/**
 * The projects each enterprise takes part in, newest first, each once (one query for any number of enterprises; the page of
 * enterprises reads it ahead, src/db/read-plan.ts).
 */
export function projectsOfEnterpriseRead(
  ctx: RequestContext,
): CustomRead & { lists(enterpriseIds: readonly string[], projects: ResearchProject[], participants: readonly (string | null)[]): ResearchProject[][] } {
  return {
    key: 'projectsOfEnterprise',
    entity: ResearchProject,
    extra: ['participant_enterprise_id'],
    order: '',
    sql: (enterpriseIds) => ({
      sql: `select rp.*, pp.enterprise_id as participant_enterprise_id
            from project_participant pp join research_project rp on rp.id = pp.project_id
            where pp.enterprise_id = any(${enterpriseIds})`,
      bindings: [],
    }),
    /** Each enterprise's projects, from the projects read and the enterprise each row was read for. */
    lists(enterpriseIds, projects, participants) {
      const grouped = new Map<string, ResearchProject[]>(enterpriseIds.map((id) => [id, []]));
      projects.forEach((project, i) => {
        // An enterprise may take part in a project in more than one role: the project is listed once.
        const list = grouped.get(participants[i]!);
        if (list && !list.some((p) => p.id === project.id)) list.push(project);
      });
      for (const list of grouped.values()) {
        list.sort((a, b) => (a.startDate === b.startDate ? a.id.localeCompare(b.id) : a.startDate < b.startDate ? 1 : -1));
      }
      return enterpriseIds.map((id) => ctx.loaders.remember(grouped.get(id)!));
    },
    prime(_loaders, enterpriseIds, rows) {
      const loader = listLoader(ctx, this);
      const lists = this.lists(enterpriseIds, rows.objects(ResearchProject), rows.text('participant_enterprise_id'));
      enterpriseIds.forEach((id, i) => loader.prime(id, lists[i]!));
    },
  };
}

function listLoader(ctx: RequestContext, read: ReturnType<typeof projectsOfEnterpriseRead>): DataLoader<string, ResearchProject[]> {
  return ctx.loaders.custom(read.key, () =>
    new DataLoader<string, ResearchProject[]>(async (enterpriseIds) => {
      const { sql, bindings } = read.sql('?::uuid[]');
      const rows = await readRows(ctx.em, sql, [sqlArray(enterpriseIds), ...bindings]);
      return read.lists(enterpriseIds, readObjects(ctx.em, ResearchProject, rows), rows.map((r) => r['participant_enterprise_id'] as string));
    }),
  );
}

export function projectsOfEnterprise(ctx: RequestContext): DataLoader<string, ResearchProject[]> {
  return listLoader(ctx, projectsOfEnterpriseRead(ctx));
}
