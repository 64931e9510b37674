import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toScaled } from '../../common/decimal';
import type { FiscalYearFinancials } from './financials.entity';

/** Latest-year revenue bands of the high-tech R&D rule (¥50 million and ¥200 million). */
export enum RevenueBand {
  UP_TO_50_MILLION = 'UP_TO_50_MILLION',
  FROM_50_TO_200_MILLION = 'FROM_50_TO_200_MILLION',
  OVER_200_MILLION = 'OVER_200_MILLION',
}
registerEnumType(RevenueBand, {
  name: 'RevenueBand',
  description: 'Sales revenue of a year in the bands of the high-tech R&D intensity rule (5% / 4% / 3% of revenue).',
  valuesConfig: {
    UP_TO_50_MILLION: { description: 'At most ¥50 million (5,000万元).' },
    FROM_50_TO_200_MILLION: { description: 'Over ¥50 million, at most ¥200 million (2亿元).' },
    OVER_200_MILLION: { description: 'Over ¥200 million.' },
  },
});

/** R&D expense over revenue, in the steps the high-tech rule uses (3%, 4%, 5%). */
export enum RdIntensityBand {
  BELOW_3_PERCENT = 'BELOW_3_PERCENT',
  FROM_3_TO_4_PERCENT = 'FROM_3_TO_4_PERCENT',
  FROM_4_TO_5_PERCENT = 'FROM_4_TO_5_PERCENT',
  AT_LEAST_5_PERCENT = 'AT_LEAST_5_PERCENT',
}
registerEnumType(RdIntensityBand, {
  name: 'RdIntensityBand',
  description: 'R&D expense over sales revenue (研发费用占比) in the steps of the high-tech rule.',
  valuesConfig: {
    BELOW_3_PERCENT: { description: 'Under 3% of revenue.' },
    FROM_3_TO_4_PERCENT: { description: 'At least 3%, under 4%.' },
    FROM_4_TO_5_PERCENT: { description: 'At least 4%, under 5%.' },
    AT_LEAST_5_PERCENT: { description: '5% or more.' },
  },
});

/** Headcount in the steps of the SME size classes. */
export enum EmployeesBand {
  UNDER_20 = 'UNDER_20',
  FROM_20_TO_300 = 'FROM_20_TO_300',
  FROM_300_TO_1000 = 'FROM_300_TO_1000',
  AT_LEAST_1000 = 'AT_LEAST_1000',
}
registerEnumType(EmployeesBand, {
  name: 'EmployeesBand',
  description: 'Employees in the steps of the SME size classes (中小企业划型标准).',
  valuesConfig: {
    UNDER_20: { description: 'Fewer than 20.' },
    FROM_20_TO_300: { description: 'At least 20, fewer than 300.' },
    FROM_300_TO_1000: { description: 'At least 300, fewer than 1000.' },
    AT_LEAST_1000: { description: '1000 or more.' },
  },
});

const YUAN_50M = toScaled('50000000');
const YUAN_200M = toScaled('200000000');

/**
 * A fiscal year in bands: what a bank sees of an enterprise's figures (DOMAIN.md "banded financials"), cut at the
 * thresholds the pilots' rules use, so an eligibility decision can be followed without the exact figures.
 */
@ObjectType({
  description:
    "A fiscal year's figures in bands (分档财务数据), cut at the thresholds the pilots use: what a bank sees instead of the exact figures.",
})
export class FiscalYearBands {
  /** Whose figures (for the access policy's row rule). */
  enterpriseId!: string;

  @Field(() => Int, { description: 'The fiscal year.' })
  fiscalYear!: number;

  @Field(() => RevenueBand, { description: 'Sales revenue, in its band.' })
  revenue!: RevenueBand;

  @Field(() => RdIntensityBand, { nullable: true, description: 'R&D expense over revenue, in its band; null without revenue.' })
  rdIntensity!: RdIntensityBand | null;

  @Field(() => EmployeesBand, { description: 'Employees, in their band.' })
  employees!: EmployeesBand;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Science and technology staff are at least 10% of employees (the high-tech staff rule); null without employees.',
  })
  isScienceAndTechnologyStaffShareAtLeast10Percent!: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'High-tech products and services bring at least 60% of revenue (the high-tech revenue rule); null without revenue.',
  })
  isHighTechRevenueShareAtLeast60Percent!: boolean | null;

  static of(y: FiscalYearFinancials): FiscalYearBands {
    const bands = new FiscalYearBands();
    const revenue = toScaled(y.revenue);
    const rd = toScaled(y.rdExpense);
    const highTech = toScaled(y.highTechRevenue);
    bands.enterpriseId = y.enterprise.id;
    bands.fiscalYear = y.fiscalYear;
    bands.revenue =
      revenue <= YUAN_50M ? RevenueBand.UP_TO_50_MILLION : revenue <= YUAN_200M ? RevenueBand.FROM_50_TO_200_MILLION : RevenueBand.OVER_200_MILLION;
    // Integer comparisons (rd·100 against revenue·k) so exactly 3%, 4% and 5% fall in the upper band.
    bands.rdIntensity =
      revenue === 0n
        ? null
        : rd * 100n >= revenue * 5n
          ? RdIntensityBand.AT_LEAST_5_PERCENT
          : rd * 100n >= revenue * 4n
            ? RdIntensityBand.FROM_4_TO_5_PERCENT
            : rd * 100n >= revenue * 3n
              ? RdIntensityBand.FROM_3_TO_4_PERCENT
              : RdIntensityBand.BELOW_3_PERCENT;
    bands.employees =
      y.employees < 20
        ? EmployeesBand.UNDER_20
        : y.employees < 300
          ? EmployeesBand.FROM_20_TO_300
          : y.employees < 1000
            ? EmployeesBand.FROM_300_TO_1000
            : EmployeesBand.AT_LEAST_1000;
    bands.isScienceAndTechnologyStaffShareAtLeast10Percent = y.employees === 0 ? null : y.scienceAndTechnologyStaff * 10 >= y.employees;
    bands.isHighTechRevenueShareAtLeast60Percent = revenue === 0n ? null : highTech * 10n >= revenue * 6n;
    return bands;
  }
}
