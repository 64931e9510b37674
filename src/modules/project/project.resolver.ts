import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { sumDecimal } from '../../common/decimal';
import { Payload } from '../../common/payload';
import { DecimalScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Institution } from '../institution/institution.entity';
import { Patent } from '../ip/patent.entity';
import { ProjectBudgetLine, ProjectOutput, ProjectParticipant, ResearchProject } from './project.entity';
import { ResearchProjectInput } from './project.inputs';
import { recordResearchProject } from './project.service';
import { follows, many, one } from '../../db/read-plan';
import { answers, value } from '../../db/sql-answer';

/** What the fields of projects read (src/db/read-plan.ts): a page of enterprises reads it ahead. */
const PROJECT = follows('ResearchProject', {
  participants: many(ProjectParticipant, 'project', { role: 'asc', id: 'asc' }),
  budget: many(ProjectBudgetLine, 'project', { source: 'asc', id: 'asc' }),
  totalBudget: many(ProjectBudgetLine, 'project', { source: 'asc', id: 'asc' }),
  outputs: many(ProjectOutput, 'project'),
});
const PARTICIPANT = follows('ProjectParticipant', { enterprise: one(Enterprise, 'enterprise'), institution: one(Institution, 'institution') });
const OUTPUT = follows('ProjectOutput', { patent: one(Patent, 'patent') });

export const ResearchProjectPayload = Payload('ResearchProjectPayload', 'project', ResearchProject, 'The project recorded.');

/** The same fields in SQL (src/db/sql-answer.ts). */
answers('ResearchProject', {
  participants: PROJECT.participants,
  budget: PROJECT.budget,
  totalBudget: value((t) => `(select coalesce(sum(b.amount), 0.00)::text from project_budget_line b where b.project_id = ${t}.id)`),
  outputs: PROJECT.outputs,
});
answers('ProjectParticipant', { enterprise: PARTICIPANT.enterprise, institution: PARTICIPANT.institution });
answers('ProjectOutput', { patent: OUTPUT.patent });

@Resolver(() => ResearchProject)
export class ResearchProjectResolver {
  @Authorized()
  @Mutation(() => ResearchProjectPayload, { description: 'Records an industry–university–research project.' })
  async recordResearchProject(@Ctx() ctx: RequestContext, @Arg('input') input: ResearchProjectInput) {
    return ResearchProjectPayload.from(await recordResearchProject(ctx, input));
  }

  @FieldResolver(() => [ProjectParticipant])
  participants(@Root() p: ResearchProject, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<ProjectParticipant>(PROJECT.participants, p);
  }

  @FieldResolver(() => [ProjectBudgetLine], { description: 'Budget by source.' })
  budget(@Root() p: ResearchProject, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<ProjectBudgetLine>(PROJECT.budget, p);
  }

  @FieldResolver(() => DecimalScalar)
  async totalBudget(@Root() p: ResearchProject, @Ctx() ctx: RequestContext): Promise<string> {
    return sumDecimal((await this.budget(p, ctx)).map((b) => b.amount));
  }

  @FieldResolver(() => [ProjectOutput])
  outputs(@Root() p: ResearchProject, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<ProjectOutput>(PROJECT.outputs, p);
  }
}

@Resolver(() => ProjectParticipant)
export class ProjectParticipantResolver {
  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() p: ProjectParticipant, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PARTICIPANT.enterprise, p);
  }

  @FieldResolver(() => Institution, { nullable: true })
  institution(@Root() p: ProjectParticipant, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PARTICIPANT.institution, p);
  }
}

@Resolver(() => ProjectOutput)
export class ProjectOutputResolver {
  @FieldResolver(() => Patent, { nullable: true })
  patent(@Root() o: ProjectOutput, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(OUTPUT.patent, o);
  }
}
