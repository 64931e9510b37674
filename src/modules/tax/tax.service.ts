import type { RequestContext } from '../../context';
import { DuplicateError, Problems } from '../../common/mutation-errors';
import { flushOutcome, type Outcome, refused } from '../../common/outcome';
import { nonNegativeAmount, wholeNumber } from '../../common/validate';
import { zoneToday } from '../../clock';
import { enterpriseByCode } from '../enterprise/enterprise.service';
import { TaxPilot, TaxPilotUsage } from './tax.entity';
import type { TaxPilotUsageInput } from './tax.inputs';

/** The 2015 extensions apply from fiscal year 2015; the 2010 pilots from 2010. */
const FIRST_YEAR: Record<TaxPilot, number> = {
  [TaxPilot.RD_SUPER_DEDUCTION]: 2010,
  [TaxPilot.EMPLOYEE_EDUCATION_DEDUCTION]: 2010,
  [TaxPilot.EQUITY_AWARD_INSTALLMENTS]: 2010,
  [TaxPilot.PARTNERSHIP_VC_DEDUCTION]: 2015,
  [TaxPilot.TECH_TRANSFER_INCOME_RELIEF]: 2015,
  [TaxPilot.CAPITALIZED_RESERVE_INSTALLMENTS]: 2015,
};

export async function recordTaxPilotUsage(ctx: RequestContext, input: TaxPilotUsageInput): Promise<Outcome<TaxPilotUsage>> {
  const problems = new Problems();
  const enterprise = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  wholeNumber(problems, 'input.fiscalYear', input.fiscalYear, FIRST_YEAR[input.pilot], Number(zoneToday().slice(0, 4)));
  nonNegativeAmount(problems, 'input.reliefAmount', input.reliefAmount);
  const duplicate = () =>
    new DuplicateError('input.fiscalYear', `${input.pilot} use in ${input.fiscalYear} is recorded already for ${input.creditCode}.`);
  if (enterprise && (await ctx.em.count(TaxPilotUsage, { enterprise, pilot: input.pilot, fiscalYear: input.fiscalYear }))) {
    problems.add(duplicate());
  }
  if (!enterprise || problems.any) return refused(problems.list);
  const usage = ctx.em.create(TaxPilotUsage, {
    enterprise,
    pilot: input.pilot,
    fiscalYear: input.fiscalYear,
    reliefAmount: input.reliefAmount,
  } as never);
  return flushOutcome(ctx, usage, { duplicate });
}
