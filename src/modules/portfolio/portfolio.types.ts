import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../common/scalars';
import { Industry } from '../enterprise/enums';
import { Park } from '../enterprise/park.entity';
import { InstrumentKind } from '../finance/enums';

@ObjectType()
export class IndustryCount {
  @Field(() => Industry)
  industry!: Industry;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class ParkCount {
  @Field(() => Park)
  park!: Park;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'The instruments of one kind held by the enterprises in the summary.' })
export class InstrumentKindSummary {
  @Field(() => InstrumentKind)
  kind!: InstrumentKind;

  @Field(() => Int, { description: 'Instruments of this kind (a collective issue counts once).' })
  count!: number;

  @Field(() => DecimalScalar, { nullable: true, description: "Their amounts; of a collective issue only these enterprises' shares." })
  totalAmount!: string;

  @Field(() => Int, { description: 'Of them, active (outstanding, in force, listed, held).' })
  activeCount!: number;

  @Field(() => DecimalScalar, { nullable: true })
  activeAmount!: string;
}

@ObjectType({ description: 'Figures of the enterprises for one fiscal year (those that reported it).' })
export class FiscalYearTotals {
  @Field(() => Int)
  fiscalYear!: number;

  @Field(() => Int, { description: 'Enterprises that reported this year.' })
  reporting!: number;

  @Field(() => DecimalScalar)
  revenue!: string;

  @Field(() => DecimalScalar)
  rdExpense!: string;

  @Field(() => DecimalScalar)
  highTechRevenue!: string;

  @Field(() => Int)
  employees!: number;

  @Field(() => Int)
  stStaff!: number;
}

@ObjectType({ description: 'Zone-wide or filtered figures, computed in the database.' })
export class PortfolioSummary {
  @Field(() => Int)
  enterpriseCount!: number;

  @Field(() => Int, { description: 'With a high-tech certificate valid today.' })
  highTechCount!: number;

  @Field(() => Int)
  universityAffiliatedCount!: number;

  @Field(() => DecimalScalar)
  registeredCapital!: string;

  @Field(() => [IndustryCount], { description: 'Industries with at least one enterprise, most first.' })
  byIndustry!: IndustryCount[];

  @Field(() => [ParkCount], { description: 'Parks with at least one enterprise, most first.' })
  byPark!: ParkCount[];

  @Field(() => [InstrumentKindSummary], { description: 'Every instrument kind, in the order of InstrumentKind, zeros included.' })
  byInstrumentKind!: InstrumentKindSummary[];

  @Field(() => [FiscalYearTotals], {
    nullable: true,
    description: 'Latest year first; for anyone but zone administrators, only years reported by at least 5 enterprises.',
  })
  byFiscalYear!: FiscalYearTotals[];
}
