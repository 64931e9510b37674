import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toScaled } from '../../common/decimal';
import type { FiscalYearFinancials } from './financials.entity';

/** Latest-year revenue bands of the high-tech R&D rule (¥50m and ¥200m). */
export enum RevenueBand {
  UP_TO_50M = 'UP_TO_50M',
  FROM_50M_TO_200M = 'FROM_50M_TO_200M',
  OVER_200M = 'OVER_200M',
}
registerEnumType(RevenueBand, {
  name: 'RevenueBand',
  valuesConfig: {
    UP_TO_50M: { description: 'At most ¥50m.' },
    FROM_50M_TO_200M: { description: 'Over ¥50m, at most ¥200m.' },
    OVER_200M: { description: 'Over ¥200m.' },
  },
});

/** R&D expense over revenue, in the steps the high-tech rule uses (3%, 4%, 5%). */
export enum RdIntensityBand {
  BELOW_3 = 'BELOW_3',
  FROM_3_TO_4 = 'FROM_3_TO_4',
  FROM_4_TO_5 = 'FROM_4_TO_5',
  AT_LEAST_5 = 'AT_LEAST_5',
}
registerEnumType(RdIntensityBand, {
  name: 'RdIntensityBand',
  valuesConfig: {
    BELOW_3: { description: 'Under 3% of revenue.' },
    FROM_3_TO_4: { description: 'At least 3%, under 4%.' },
    FROM_4_TO_5: { description: 'At least 4%, under 5%.' },
    AT_LEAST_5: { description: '5% or more.' },
  },
});

/** Headcount in the steps of the SME size classes. */
export enum EmployeesBand {
  UNDER_20 = 'UNDER_20',
  FROM_20_TO_300 = 'FROM_20_TO_300',
  FROM_300_TO_1000 = 'FROM_300_TO_1000',
  AT_LEAST_1000 = 'AT_LEAST_1000',
}
registerEnumType(EmployeesBand, { name: 'EmployeesBand' });

const YUAN_50M = toScaled('50000000');
const YUAN_200M = toScaled('200000000');

/**
 * A fiscal year in bands: what a bank sees of an enterprise's figures (DOMAIN.md "banded financials"), cut at the
 * thresholds the pilots' rules use, so an eligibility decision can be followed without the exact figures.
 */
@ObjectType({ description: "A fiscal year's figures in bands, cut at the thresholds the pilots use." })
export class FiscalYearBands {
  /** Whose figures (for the access policy's row rule). */
  enterpriseId!: string;

  @Field(() => Int)
  fiscalYear!: number;

  @Field(() => RevenueBand)
  revenue!: RevenueBand;

  @Field(() => RdIntensityBand, { nullable: true, description: 'R&D expense over revenue; none without revenue.' })
  rdIntensity!: RdIntensityBand | null;

  @Field(() => EmployeesBand)
  employees!: EmployeesBand;

  @Field(() => Boolean, { nullable: true, description: 'Science and technology staff are at least 10% of employees.' })
  stStaffShareAtLeast10!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'High-tech products and services bring at least 60% of revenue.' })
  highTechRevenueShareAtLeast60!: boolean | null;

  static of(y: FiscalYearFinancials): FiscalYearBands {
    const bands = new FiscalYearBands();
    const revenue = toScaled(y.revenue);
    const rd = toScaled(y.rdExpense);
    const highTech = toScaled(y.highTechRevenue);
    bands.enterpriseId = y.enterprise.id;
    bands.fiscalYear = y.fiscalYear;
    bands.revenue = revenue <= YUAN_50M ? RevenueBand.UP_TO_50M : revenue <= YUAN_200M ? RevenueBand.FROM_50M_TO_200M : RevenueBand.OVER_200M;
    // Integer comparisons (rd·100 against revenue·k) so exactly 3%, 4% and 5% fall in the upper band.
    bands.rdIntensity =
      revenue === 0n
        ? null
        : rd * 100n >= revenue * 5n
          ? RdIntensityBand.AT_LEAST_5
          : rd * 100n >= revenue * 4n
            ? RdIntensityBand.FROM_4_TO_5
            : rd * 100n >= revenue * 3n
              ? RdIntensityBand.FROM_3_TO_4
              : RdIntensityBand.BELOW_3;
    bands.employees =
      y.employees < 20
        ? EmployeesBand.UNDER_20
        : y.employees < 300
          ? EmployeesBand.FROM_20_TO_300
          : y.employees < 1000
            ? EmployeesBand.FROM_300_TO_1000
            : EmployeesBand.AT_LEAST_1000;
    bands.stStaffShareAtLeast10 = y.employees === 0 ? null : y.stStaff * 10 >= y.employees;
    bands.highTechRevenueShareAtLeast60 = revenue === 0n ? null : highTech * 10n >= revenue * 6n;
    return bands;
  }
}
