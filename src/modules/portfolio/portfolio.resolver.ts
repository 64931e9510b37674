import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { EnterpriseFilter } from '../enterprise/enterprise.inputs';
import { portfolioSummary } from './portfolio.service';
import { PortfolioSummary } from './portfolio.types';

@Resolver(() => PortfolioSummary)
export class PortfolioResolver {
  @Authorized()
  @Query(() => PortfolioSummary, {
    description: 'Figures for the enterprises a filter selects (the whole zone without one), as the viewer may see them (see PortfolioSummary).',
  })
  portfolioSummary(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => EnterpriseFilter, { nullable: true, description: 'Which enterprises; the whole zone when left out.' }) filter: EnterpriseFilter | null,
  ): Promise<PortfolioSummary> {
    return portfolioSummary(ctx, filter);
  }
}
