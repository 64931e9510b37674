import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { DateScalar } from '../../common/scalars';
import { EnterpriseFilter } from '../enterprise/enterprise.inputs';
import { IndustryCluster } from '../enterprise/park.entity';
import { portfolioSummary } from './portfolio.service';
import { ClusterCount, PortfolioSummary } from './portfolio.types';

@Resolver(() => PortfolioSummary)
export class PortfolioResolver {
  @Authorized()
  @Query(() => PortfolioSummary, {
    description:
      'Figures for the enterprises a filter selects (the whole zone without one), as the viewer may see them, today or as of a past day (see PortfolioSummary).',
  })
  portfolioSummary(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => EnterpriseFilter, { nullable: true, description: 'Which enterprises; the whole zone when left out.' }) filter: EnterpriseFilter | null,
    @Arg('asOf', () => DateScalar, {
      nullable: true,
      description:
        'The figures as of this day (e.g. the last day of a quarter), at most today; the filter’s `isHighTech` is then a certificate valid on it. Today when left out.',
    })
    asOf: string | null,
  ): Promise<PortfolioSummary> {
    return portfolioSummary(ctx, filter, asOf);
  }

  // Clusters are loaded only when asked for: the whole zone's summary without them stays at two statements.
  @FieldResolver(() => [ClusterCount], {
    description:
      'Industry clusters (产业集群) with at least one enterprise, most first; enterprises in no cluster are not counted here (`enterpriseCount` less the sum of these). Bounded: one per cluster of the zone.',
  })
  async byCluster(@Root() summary: PortfolioSummary, @Ctx() ctx: RequestContext): Promise<ClusterCount[]> {
    const clusters = await ctx.loaders.byId(IndustryCluster).loadMany(summary.clusterRows.map((r) => r.clusterId));
    const byId = new Map(clusters.map((c) => [(c as IndustryCluster).id, c as IndustryCluster]));
    return summary.clusterRows
      .map((r) => ({ cluster: byId.get(r.clusterId)!, count: r.count }))
      .sort((a, b) => b.count - a.count || a.cluster.code.localeCompare(b.cluster.code));
  }
}
