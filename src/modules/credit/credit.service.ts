import type { EntityData } from '@mikro-orm/core';
import type { RequestContext } from '../../context';
import { DuplicateError, Problems } from '../../common/mutation-errors';
import { flushOutcome, type Outcome, refused } from '../../common/outcome';
import { dateOrder, notInFuture, requiredText, wholeNumber } from '../../common/validate';
import { zoneToday } from '../../clock';
import { enterpriseByCode } from '../enterprise/enterprise.service';
import { RegistryFacts } from '../enterprise/registry-facts';
import { type Changeable, correctRecord, instant, voidRecord } from '../audit/correction';
import { CreditRatingRecord, DishonestDebtorCheck, TaxCreditGrade } from './credit.entity';
import type {
  CorrectCreditRatingInput,
  CorrectDishonestDebtorCheckInput,
  RecordCreditRatingInput,
  RecordDishonestDebtorCheckInput,
  RecordTaxCreditGradeInput,
  VoidCreditRatingInput,
  VoidDishonestDebtorCheckInput,
} from './credit.inputs';

/** The day before the same date a year later: a rating "valid one year". */
function aYearAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The rules of an SME credit rating, shared by `recordCreditRating` and the import of credit ratings
 * (src/modules/imports): the rating's values, or null with the problems in `problems`.
 */
export async function creditRatingToRecord(
  ctx: RequestContext,
  input: RecordCreditRatingInput,
  problems: Problems,
  facts: RegistryFacts,
): Promise<EntityData<CreditRatingRecord> | null> {
  const enterprise = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode, facts);
  const agency = requiredText(problems, 'input.agency', input.agency);
  notInFuture(problems, 'input.ratedOn', input.ratedOn, zoneToday());
  const validUntil = input.validUntil ?? aYearAfter(input.ratedOn);
  dateOrder(problems, 'input.validUntil', input.ratedOn, validUntil);
  if (!enterprise || problems.any) return null;
  return { enterprise, rating: input.rating, agency: agency!, ratedOn: input.ratedOn, validUntil } as EntityData<CreditRatingRecord>;
}

/** Records an SME credit rating (valid a year unless stated). */
export async function recordCreditRating(ctx: RequestContext, input: RecordCreditRatingInput): Promise<Outcome<CreditRatingRecord>> {
  const problems = new Problems();
  const data = await creditRatingToRecord(ctx, input, problems, new RegistryFacts(ctx.em));
  if (!data) return refused(problems.list);
  return flushOutcome(ctx, ctx.em.create(CreditRatingRecord, data as never));
}

/**
 * The rules of a year's tax credit grade, shared by `recordTaxCreditGrade` and the import of tax credit grades: the
 * grade's values, or null with the problems in `problems`.
 */
export async function taxCreditGradeToRecord(
  ctx: RequestContext,
  input: RecordTaxCreditGradeInput,
  problems: Problems,
  facts: RegistryFacts,
): Promise<EntityData<TaxCreditGrade> | null> {
  const enterprise = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode, facts);
  const today = zoneToday();
  wholeNumber(problems, 'input.year', input.year, 2000, Number(today.slice(0, 4)) - 1);
  notInFuture(problems, 'input.evaluatedOn', input.evaluatedOn, today);
  if (input.evaluatedOn < `${input.year + 1}-01-01`) {
    problems.invalid('input.evaluatedOn', `A grade for ${input.year} is published after the year ends.`, `${input.year} 年度的等级在该年度结束后才公布。`);
  }
  if (enterprise && (await facts.hasTaxCreditGrade(enterprise, input.year))) problems.add(gradeRecorded(input));
  if (!enterprise || problems.any) return null;
  return { enterprise, year: input.year, grade: input.grade, evaluatedOn: input.evaluatedOn } as EntityData<TaxCreditGrade>;
}

const gradeRecorded = (input: RecordTaxCreditGradeInput) =>
  new DuplicateError('input.year', `A tax credit grade for ${input.year} is recorded already for ${input.creditCode}.`).inChinese(
    `${input.creditCode} 的 ${input.year} 年度纳税信用等级已经录入。`,
  );

/** Records a year's tax credit grade as published; one per year. */
export async function recordTaxCreditGrade(ctx: RequestContext, input: RecordTaxCreditGradeInput): Promise<Outcome<TaxCreditGrade>> {
  const problems = new Problems();
  const data = await taxCreditGradeToRecord(ctx, input, problems, new RegistryFacts(ctx.em));
  if (!data) return refused(problems.list);
  return flushOutcome(ctx, ctx.em.create(TaxCreditGrade, data as never), { duplicate: () => gradeRecorded(input) });
}

/**
 * The rules of a dishonest-debtor check, shared by `recordDishonestDebtorCheck` and the import of checks: the check's
 * values, or null with the problems in `problems`.
 */
export async function dishonestDebtorCheckToRecord(
  ctx: RequestContext,
  input: RecordDishonestDebtorCheckInput,
  problems: Problems,
  facts: RegistryFacts,
): Promise<EntityData<DishonestDebtorCheck> | null> {
  const enterprise = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode, facts);
  const source = requiredText(problems, 'input.source', input.source);
  notInFuture(problems, 'input.checkedOn', input.checkedOn, zoneToday());
  if (!enterprise || problems.any) return null;
  return { enterprise, checkedOn: input.checkedOn, wasListed: input.wasListed, source: source! } as EntityData<DishonestDebtorCheck>;
}

/** Records a look-up of the dishonest judgment debtor list and what it found. */
export async function recordDishonestDebtorCheck(ctx: RequestContext, input: RecordDishonestDebtorCheckInput): Promise<Outcome<DishonestDebtorCheck>> {
  const problems = new Problems();
  const data = await dishonestDebtorCheckToRecord(ctx, input, problems, new RegistryFacts(ctx.em));
  if (!data) return refused(problems.list);
  return flushOutcome(ctx, ctx.em.create(DishonestDebtorCheck, data as never));
}

const RATING: Changeable<CreditRatingRecord> = {
  entity: CreditRatingRecord,
  type: 'CreditRatingRecord',
  label: 'The credit rating',
  snapshot: (r) => ({ version: r.version, rating: r.rating, agency: r.agency, ratedOn: r.ratedOn, validUntil: r.validUntil, voidedAt: instant(r.voidedAt) }),
};

/** Corrects a credit rating recorded wrongly (audited with the rating before and after). */
export function correctCreditRating(ctx: RequestContext, input: CorrectCreditRatingInput): Promise<Outcome<CreditRatingRecord>> {
  return correctRecord(ctx, RATING, input, (rating, problems) => {
    const changes: Partial<CreditRatingRecord> = {};
    if (input.rating != null) changes.rating = input.rating;
    if (input.agency != null) changes.agency = requiredText(problems, 'input.agency', input.agency);
    if (input.ratedOn != null) {
      notInFuture(problems, 'input.ratedOn', input.ratedOn, zoneToday());
      changes.ratedOn = input.ratedOn;
    }
    if (input.validUntil != null) changes.validUntil = input.validUntil;
    dateOrder(problems, input.validUntil != null ? 'input.validUntil' : 'input.ratedOn', changes.ratedOn ?? rating.ratedOn, changes.validUntil ?? rating.validUntil);
    return changes;
  });
}

/** Voids a credit rating recorded in error: kept with why, read by no eligibility answer after. */
export function voidCreditRating(ctx: RequestContext, input: VoidCreditRatingInput): Promise<Outcome<CreditRatingRecord>> {
  return voidRecord(ctx, RATING, input);
}

const CHECK: Changeable<DishonestDebtorCheck> = {
  entity: DishonestDebtorCheck,
  type: 'DishonestDebtorCheck',
  label: 'The dishonest-debtor check',
  snapshot: (c) => ({ version: c.version, checkedOn: c.checkedOn, wasListed: c.wasListed, source: c.source, voidedAt: instant(c.voidedAt) }),
};

/** Corrects a dishonest-debtor check recorded wrongly (audited with the check before and after). */
export function correctDishonestDebtorCheck(ctx: RequestContext, input: CorrectDishonestDebtorCheckInput): Promise<Outcome<DishonestDebtorCheck>> {
  return correctRecord(ctx, CHECK, input, (_check, problems) => {
    const changes: Partial<DishonestDebtorCheck> = {};
    if (input.checkedOn != null) {
      notInFuture(problems, 'input.checkedOn', input.checkedOn, zoneToday());
      changes.checkedOn = input.checkedOn;
    }
    if (input.wasListed != null) changes.wasListed = input.wasListed;
    if (input.source != null) changes.source = requiredText(problems, 'input.source', input.source);
    return changes;
  });
}

/** Voids a dishonest-debtor check recorded in error: kept with why, read by no eligibility answer after. */
export function voidDishonestDebtorCheck(ctx: RequestContext, input: VoidDishonestDebtorCheckInput): Promise<Outcome<DishonestDebtorCheck>> {
  return voidRecord(ctx, CHECK, input);
}
