import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { sumDecimal } from '../../common/decimal';
import { Payload } from '../../common/payload';
import { DecimalScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Institution } from '../institution/institution.entity';
import { Patent } from '../ip/patent.entity';
import { ProjectBudgetLine, ProjectOutput, ProjectParticipant, ResearchProject } from './project.entity';
import { RecordResearchProjectInput } from './project.inputs';
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

export const ResearchProjectPayload = Payload(
  'ResearchProjectPayload',
  'project',
  ResearchProject,
  'What recordResearchProject answers: the project as recorded, or why nothing was written.',
);

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
  @Mutation(() => ResearchProjectPayload, {
    description:
      'Records an industry–university–research (产学研) project with its participants, budget and outputs (a representative: one its own enterprise takes part in, with institutions only).\n\n' +
      'Errors: InvalidInputError, NotFoundError, NotPermittedError.',
  })
  async recordResearchProject(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The project.' }) input: RecordResearchProjectInput) {
    return ResearchProjectPayload.from(await recordResearchProject(ctx, input));
  }

  @FieldResolver(() => [ProjectParticipant], {
    description: 'Who takes part, by role (in the order of ParticipantRole), then by id. Bounded: the few enterprises and institutions named when it was recorded.',
  })
  participants(@Root() p: ResearchProject, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<ProjectParticipant>(PROJECT.participants, p);
  }

  @FieldResolver(() => [ProjectBudgetLine], { description: 'Its budget, by source (in the order of FundingSource). Bounded: the lines given when it was recorded.' })
  budget(@Root() p: ResearchProject, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<ProjectBudgetLine>(PROJECT.budget, p);
  }

  @FieldResolver(() => DecimalScalar, { description: 'The sum of its budget lines, yuan (0.00 without any).' })
  async totalBudget(@Root() p: ResearchProject, @Ctx() ctx: RequestContext): Promise<string> {
    return sumDecimal((await this.budget(p, ctx)).map((b) => b.amount));
  }

  @FieldResolver(() => [ProjectOutput], { description: 'What it produced, as recorded. Bounded: the outputs given when it was recorded.' })
  outputs(@Root() p: ResearchProject, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<ProjectOutput>(PROJECT.outputs, p);
  }
}

@Resolver(() => ProjectParticipant)
export class ProjectParticipantResolver {
  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise taking part; null when the participant is an institution.' })
  enterprise(@Root() p: ProjectParticipant, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PARTICIPANT.enterprise, p);
  }

  @FieldResolver(() => Institution, { nullable: true, description: 'The university or research institute taking part; null when the participant is an enterprise.' })
  institution(@Root() p: ProjectParticipant, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PARTICIPANT.institution, p);
  }
}

@Resolver(() => ProjectOutput)
export class ProjectOutputResolver {
  @FieldResolver(() => Patent, { nullable: true, description: 'The patent, for a PATENT output; null for any other kind.' })
  patent(@Root() o: ProjectOutput, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(OUTPUT.patent, o);
  }
}
