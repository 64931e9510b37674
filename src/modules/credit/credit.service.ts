import type { RequestContext } from '../../context';
import { DuplicateError, Problems } from '../../common/mutation-errors';
import { flushOutcome, type Outcome, refused } from '../../common/outcome';
import { dateOrder, notInFuture, requiredText, wholeNumber } from '../../common/validate';
import { zoneToday } from '../../clock';
import { enterpriseByCode } from '../enterprise/enterprise.service';
import type { CreditRatingInput, DishonestDebtorCheckInput, TaxCreditGradeInput } from '../eligibility/eligibility.types';
import { CreditRatingRecord, DishonestDebtorCheck, TaxCreditGrade } from './credit.entity';

/** The day before the same date a year later: a rating "valid one year". */
function aYearAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Records an SME credit rating (valid a year unless stated). */
export async function recordCreditRating(ctx: RequestContext, input: CreditRatingInput): Promise<Outcome<CreditRatingRecord>> {
  const problems = new Problems();
  const enterprise = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  const agency = requiredText(problems, 'input.agency', input.agency);
  notInFuture(problems, 'input.ratedOn', input.ratedOn, zoneToday());
  const validUntil = input.validUntil ?? aYearAfter(input.ratedOn);
  dateOrder(problems, 'input.validUntil', input.ratedOn, validUntil);
  if (!enterprise || problems.any) return refused(problems.list);
  const record = ctx.em.create(CreditRatingRecord, { enterprise, rating: input.rating, agency: agency!, ratedOn: input.ratedOn, validUntil } as never);
  return flushOutcome(ctx, record);
}

/** Records a year's tax credit grade as published; one per year. */
export async function recordTaxCreditGrade(ctx: RequestContext, input: TaxCreditGradeInput): Promise<Outcome<TaxCreditGrade>> {
  const problems = new Problems();
  const enterprise = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  const today = zoneToday();
  wholeNumber(problems, 'input.year', input.year, 2000, Number(today.slice(0, 4)) - 1);
  notInFuture(problems, 'input.evaluatedOn', input.evaluatedOn, today);
  if (input.evaluatedOn < `${input.year + 1}-01-01`) problems.invalid('input.evaluatedOn', `A grade for ${input.year} is published after the year ends.`);
  const duplicate = () => new DuplicateError('input.year', `A tax credit grade for ${input.year} is recorded already for ${input.creditCode}.`);
  if (enterprise && (await ctx.em.count(TaxCreditGrade, { enterprise, year: input.year }))) problems.add(duplicate());
  if (!enterprise || problems.any) return refused(problems.list);
  const grade = ctx.em.create(TaxCreditGrade, { enterprise, year: input.year, grade: input.grade, evaluatedOn: input.evaluatedOn } as never);
  return flushOutcome(ctx, grade, { duplicate });
}

/** Records a look-up of the dishonest judgment debtor list and what it found. */
export async function recordDishonestDebtorCheck(ctx: RequestContext, input: DishonestDebtorCheckInput): Promise<Outcome<DishonestDebtorCheck>> {
  const problems = new Problems();
  const enterprise = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  const source = requiredText(problems, 'input.source', input.source);
  notInFuture(problems, 'input.checkedOn', input.checkedOn, zoneToday());
  if (!enterprise || problems.any) return refused(problems.list);
  const check = ctx.em.create(DishonestDebtorCheck, { enterprise, checkedOn: input.checkedOn, listed: input.listed, source: source! } as never);
  return flushOutcome(ctx, check);
}
