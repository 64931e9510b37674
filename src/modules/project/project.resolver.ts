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

export const ResearchProjectPayload = Payload('ResearchProjectPayload', 'project', ResearchProject, 'The project recorded.');

@Resolver(() => ResearchProject)
export class ResearchProjectResolver {
  @Authorized()
  @Mutation(() => ResearchProjectPayload, { description: 'Records an industry–university–research project.' })
  async recordResearchProject(@Ctx() ctx: RequestContext, @Arg('input') input: ResearchProjectInput) {
    return ResearchProjectPayload.from(await recordResearchProject(ctx, input));
  }

  @FieldResolver(() => [ProjectParticipant])
  participants(@Root() p: ResearchProject, @Ctx() ctx: RequestContext) {
    return ctx.loaders.manyBy(ProjectParticipant, 'project', { role: 'asc', id: 'asc' }).load(p.id);
  }

  @FieldResolver(() => [ProjectBudgetLine], { description: 'Budget by source.' })
  budget(@Root() p: ResearchProject, @Ctx() ctx: RequestContext) {
    return ctx.loaders.manyBy(ProjectBudgetLine, 'project', { source: 'asc', id: 'asc' }).load(p.id);
  }

  @FieldResolver(() => DecimalScalar)
  async totalBudget(@Root() p: ResearchProject, @Ctx() ctx: RequestContext): Promise<string> {
    return sumDecimal((await this.budget(p, ctx)).map((b) => b.amount));
  }

  @FieldResolver(() => [ProjectOutput])
  outputs(@Root() p: ResearchProject, @Ctx() ctx: RequestContext) {
    return ctx.loaders.manyBy(ProjectOutput, 'project').load(p.id);
  }
}

@Resolver(() => ProjectParticipant)
export class ProjectParticipantResolver {
  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() p: ProjectParticipant, @Ctx() ctx: RequestContext) {
    return p.enterprise ? ctx.loaders.byId(Enterprise).load(p.enterprise.id) : null;
  }

  @FieldResolver(() => Institution, { nullable: true })
  institution(@Root() p: ProjectParticipant, @Ctx() ctx: RequestContext) {
    return p.institution ? ctx.loaders.byId(Institution).load(p.institution.id) : null;
  }
}

@Resolver(() => ProjectOutput)
export class ProjectOutputResolver {
  @FieldResolver(() => Patent, { nullable: true })
  patent(@Root() o: ProjectOutput, @Ctx() ctx: RequestContext) {
    return o.patent ? ctx.loaders.byId(Patent).load(o.patent.id) : null;
  }
}
