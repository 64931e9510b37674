import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../common/scalars';
import { Industry } from '../enterprise/enums';
import { IndustryCluster, Park } from '../enterprise/park.entity';
import { InstrumentKind } from '../finance/enums';

@ObjectType({ description: 'How many of the summary’s enterprises are in one zone industry.' })
export class IndustryCount {
  @Field(() => Industry, { description: 'The industry.' })
  industry!: Industry;

  @Field(() => Int, { description: 'Enterprises in it.' })
  count!: number;
}

@ObjectType({ description: 'How many of the summary’s enterprises sit in one park.' })
export class ParkCount {
  @Field(() => Park, { description: 'The park.' })
  park!: Park;

  @Field(() => Int, { description: 'Enterprises in it.' })
  count!: number;
}

@ObjectType({ description: 'How many of the summary’s enterprises belong to one strategic emerging industry cluster (产业集群).' })
export class ClusterCount {
  @Field(() => IndustryCluster, { description: 'The cluster.' })
  cluster!: IndustryCluster;

  @Field(() => Int, { description: 'Enterprises in it.' })
  count!: number;
}

@ObjectType({ description: 'The financing instruments of one kind held by the enterprises in the summary.' })
export class InstrumentKindSummary {
  @Field(() => InstrumentKind, { description: 'The kind.' })
  kind!: InstrumentKind;

  @Field(() => Int, { description: 'Instruments of this kind (a collective issue counts once); with `asOf`, those begun by then.' })
  count!: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      "Their amounts, yuan; of a collective issue only these enterprises' shares. Masked (null with a FORBIDDEN error) for a bank, which never sees other lenders' amounts summed.",
  })
  totalAmount!: string;

  @Field(() => Int, {
    description:
      'Of them, active (outstanding, in force, listed, held). With `asOf`: in force on that day, i.e. begun by then, not pending, not past its `endsOn` and not in default by then.',
  })
  activeCount!: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "The amounts of the active ones, yuan, counted as `totalAmount`. Masked (null with a FORBIDDEN error) for a bank, as `totalAmount`.",
  })
  activeAmount!: string;
}

@ObjectType({ description: 'The summed figures of the enterprises that reported one fiscal year.' })
export class FiscalYearTotals {
  @Field(() => Int, { description: 'The fiscal year.' })
  fiscalYear!: number;

  @Field(() => Int, { description: 'Enterprises that reported this year.' })
  reporting!: number;

  @Field(() => DecimalScalar, { description: 'Their sales revenue, yuan.' })
  revenue!: string;

  @Field(() => DecimalScalar, { description: 'Their R&D expense, yuan.' })
  rdExpense!: string;

  @Field(() => DecimalScalar, { description: 'Their revenue from high-tech products and services, yuan.' })
  highTechRevenue!: string;

  @Field(() => Int, { description: 'Their employees.' })
  employees!: number;

  @Field(() => Int, { description: 'Their science and technology staff (科技人员).' })
  scienceAndTechnologyStaff!: number;
}

@ObjectType({
  description:
    'Figures of the enterprises a filter selects (the whole zone without one), computed in the database. A bank counts only enterprises that authorized it, and instruments only under the INSTRUMENTS scope. ' +
    'Asked `asOf` a day, the figures are those of that day as far as the registry dates them: enterprises founded by then, certificates valid that day, instruments begun by then, fiscal years ended by then; an enterprise’s park, cluster, industry, capital and university are as recorded now.',
})
export class PortfolioSummary {
  @Field(() => DateScalar, { description: 'The day the figures are of: `asOf` as asked, else today (Asia/Shanghai).' })
  asOf!: string;

  @Field(() => Int, { description: 'Enterprises selected (with `asOf`, founded by then).' })
  enterpriseCount!: number;

  @Field(() => Int, { description: 'Of them, holding a high-tech enterprise certificate valid on `asOf` (today when not asked).' })
  highTechCount!: number;

  @Field(() => Int, { description: 'Of them, owned by a university (校办企业).' })
  universityAffiliatedCount!: number;

  @Field(() => DecimalScalar, { description: 'Their registered capital, yuan.' })
  registeredCapital!: string;

  @Field(() => [IndustryCount], { description: 'Industries with at least one enterprise, most first. Bounded: one per Industry value.' })
  byIndustry!: IndustryCount[];

  @Field(() => [ParkCount], { description: 'Parks with at least one enterprise, most first. Bounded: one per park of the zone.' })
  byPark!: ParkCount[];

  /** Cluster ids and counts, resolved into `byCluster` (PortfolioResolver) only when asked: loading clusters costs a statement. */
  clusterRows!: { clusterId: string; count: number }[];

  @Field(() => [InstrumentKindSummary], { description: 'Every instrument kind, in the order of InstrumentKind, zeros included. Bounded: one per kind.' })
  byInstrumentKind!: InstrumentKindSummary[];

  @Field(() => [FiscalYearTotals], {
    nullable: true,
    description:
      'The latest fiscal year first (with `asOf`, those ended by then); for anyone but zone administrators, only years reported by at least 5 enterprises. Masked (null with a FORBIDDEN error) for a bank. Bounded: one per year.',
  })
  byFiscalYear!: FiscalYearTotals[];
}
