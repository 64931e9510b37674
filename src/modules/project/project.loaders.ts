import DataLoader from 'dataloader';
import type { RequestContext } from '../../context';
import { ProjectParticipant, ResearchProject } from './project.entity';
import { readWhereIn } from '../../db/read-objects';

/** The projects each enterprise takes part in (two queries for any number of enterprises), newest first. */
export function projectsOfEnterprise(ctx: RequestContext): DataLoader<string, ResearchProject[]> {
  return ctx.loaders.custom('projectsOfEnterprise', () =>
    new DataLoader<string, ResearchProject[]>(async (enterpriseIds) => {
      const participations = await readWhereIn(ctx.em, ProjectParticipant, 'enterprise', enterpriseIds);
      const projects = await ctx.loaders.byId(ResearchProject).loadMany([...new Set(participations.map((p) => p.project.id))]);
      const byId = new Map(
        projects.filter((p): p is ResearchProject => p instanceof ResearchProject).map((p) => [p.id, p]),
      );
      const grouped = new Map<string, ResearchProject[]>(enterpriseIds.map((id) => [id, []]));
      for (const p of participations) {
        const project = byId.get(p.project.id);
        const list = grouped.get(p.enterprise!.id)!;
        if (project && !list.includes(project)) list.push(project);
      }
      for (const list of grouped.values()) {
        list.sort((a, b) => (a.startDate === b.startDate ? a.id.localeCompare(b.id) : a.startDate < b.startDate ? 1 : -1));
      }
      return enterpriseIds.map((id) => grouped.get(id)!);
    }),
  );
}
