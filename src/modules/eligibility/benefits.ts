import { Field, InputType, ObjectType } from 'type-graphql';
import { PercentScalar } from '../../common/scalars';
import { toScaled } from '../../common/decimal';
import { EconomicSector } from '../enterprise/enums';
import { QualificationKind } from '../qualification/enums';
import type { EnterpriseFacts, FactKind } from './facts';

/**
 * What an eligible enterprise gets under a rule version, as data beside its criteria: a rate (percent of a base; for
 * the R&D super-deduction, the share of R&D expense deducted on top of the expense itself), by class of enterprise.
 * The rates are tried in their order and the first whose class the enterprise belongs to applies; a rate naming no
 * class applies to every eligible enterprise, so a version lists its special rates first and the general one last
 * (财税〔2021〕13号: manufacturing 100%, the others 75%). A class is read from the registry: the GB/T 4754 sector
 * of the principal business, and qualifications valid on the date (a 科技型中小企业 registration). Not criteria:
 * belonging to a class changes what is got, not whether.
 */
export interface BenefitRateRule {
  percent: string;
  /** The enterprise's sector is one of these (absent: any). */
  sectors?: EconomicSector[];
  /** It holds one of these qualifications valid on the date (absent: none needed). */
  qualifications?: QualificationKind[];
  /** The regulation and the class in words, e.g. 财税〔2021〕13号: manufacturing. */
  basis: string;
}

/** One rate of a rule version, with the class of enterprise it applies to. */
@ObjectType({ description: 'A rate an eligible enterprise gets under a rule version (优惠比例), and the class of enterprise it applies to.' })
@InputType('BenefitRateInput', { description: 'A rate an eligible enterprise gets, and the class of enterprise it applies to (none named: every eligible one).' })
export class BenefitRate implements BenefitRateRule {
  @Field(() => PercentScalar, { description: 'For RD_SUPER_DEDUCTION: the share of R&D expense deducted on top of the expense (加计扣除比例).' })
  percent!: string;

  @Field(() => [EconomicSector], { nullable: true, description: 'Only for a principal business in one of these sectors (none: any sector).' })
  sectors?: EconomicSector[];

  @Field(() => [QualificationKind], { nullable: true, description: 'Only for a holder of one of these qualifications valid on the date (none: no qualification needed).' })
  qualifications?: QualificationKind[];

  @Field({ description: 'The regulation and the class, in words.' })
  basis!: string;

  static of(rule: BenefitRateRule): BenefitRate {
    return Object.assign(new BenefitRate(), rule);
  }
}

/** The rate that applies to one enterprise, and why. */
@ObjectType({ description: 'The rate an eligible enterprise gets under the rules in force (适用的优惠比例), and why it is this one.' })
export class AppliedBenefit {
  @Field(() => PercentScalar, { description: 'The rate, in percent: for RD_SUPER_DEDUCTION, the share of R&D expense deducted on top of the expense (加计扣除比例).' })
  percent!: string;

  @Field({ description: 'The regulation and the class the rate is for.' })
  basis!: string;

  @Field({ description: 'Why the enterprise is in that class, in words.' })
  detail!: string;
}

/** The facts reading a version's rates needs, besides the enterprise. */
export function benefitReads(rates: readonly BenefitRateRule[]): FactKind[] {
  return rates.some((r) => r.qualifications?.length) ? ['qualifications'] : [];
}

/** The first of `rates` whose class the enterprise belongs to on `asOf`, or null (none does, or no rates). */
export function benefitFor(rates: readonly BenefitRateRule[], f: EnterpriseFacts, asOf: string): AppliedBenefit | null {
  const sector = f.enterprise.economicSector;
  for (const rate of rates) {
    const reasons: string[] = [];
    if (rate.sectors?.length) {
      if (!sector || !rate.sectors.includes(sector)) continue;
      reasons.push(`principal business classified under ${sector}`);
    }
    if (rate.qualifications?.length) {
      const held = f.qualifications
        .filter((q) => rate.qualifications!.includes(q.kind) && q.validFrom <= asOf && q.validTo >= asOf)
        .sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0))[0];
      if (!held) continue;
      reasons.push(`${held.kind} ${held.number} valid ${held.validFrom} to ${held.validTo}`);
    }
    const pct = `${rate.percent.replace(/\.?0+$/, '')}%`;
    return Object.assign(new AppliedBenefit(), {
      percent: rate.percent,
      basis: rate.basis,
      detail: reasons.length ? `${pct}: ${reasons.join('; ')}.` : `${pct}: the rate for every eligible enterprise.`,
    });
  }
  return null;
}

/** Problems of rates as given (field, message): a percent over 0 and at most 1000, classes not empty. */
export function benefitProblems(rates: readonly BenefitRateRule[], field: string): [string, string][] {
  const problems: [string, string][] = [];
  rates.forEach((r, i) => {
    const p = toScaled(r.percent, 4);
    if (p <= 0n || p > 10_000_000n) problems.push([`${field}.${i}.percent`, 'A rate is over 0% and at most 1000%.']);
    if (r.sectors && r.sectors.length === 0) problems.push([`${field}.${i}.sectors`, 'Name at least one sector, or none for any.']);
    if (r.qualifications && r.qualifications.length === 0) problems.push([`${field}.${i}.qualifications`, 'Name at least one qualification, or none for any.']);
    if (!r.basis.trim()) problems.push([`${field}.${i}.basis`, 'Say which regulation and class the rate is for.']);
  });
  return problems;
}
