import type { RequestContext } from '../../context';
import { fromScaled, toScaled } from '../../common/decimal';
import { Problems } from '../../common/mutation-errors';
import { flushOutcome, type Outcome, refused } from '../../common/outcome';
import { dateOrder, notInFuture, optionalText, percent, positiveAmount, requiredText, wholeNumber } from '../../common/validate';
import { zoneToday } from '../../clock';
import { enterpriseByCode } from '../enterprise/enterprise.service';
import { checkIncentiveCaps, isEquityForm } from './incentive.caps';
import { EquityGrant, EquityIncentivePlan, IncentiveForm, NAMED_TALENT_SCHEMES, TalentAward } from './incentive.entity';
import type { EquityIncentivePlanInput, TalentAwardInput } from './incentive.inputs';

/** Records an incentive plan with its grants; for a state-owned enterprise a plan over a cap is refused naming the rule. */
export async function recordIncentivePlan(ctx: RequestContext, input: EquityIncentivePlanInput): Promise<Outcome<EquityIncentivePlan>> {
  const problems = new Problems();
  const enterprise = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  const title = requiredText(problems, 'input.title', input.title, 300);
  notInFuture(problems, 'input.approvedOn', input.approvedOn, zoneToday());
  const equity = isEquityForm(input.form);
  const dividend = input.form === IncentiveForm.PROJECT_DIVIDEND || input.form === IncentiveForm.POSITION_DIVIDEND;
  if (equity && !input.totalEquityShare) problems.invalid('input.totalEquityShare', `A ${input.form} plan states the equity it grants.`);
  if (dividend && !input.profitShare) problems.invalid('input.profitShare', `A ${input.form} plan states the share of profit it distributes.`);
  if (dividend && input.totalEquityShare) problems.invalid('input.totalEquityShare', 'A dividend plan grants no equity.');
  percent(problems, 'input.totalEquityShare', input.totalEquityShare);
  percent(problems, 'input.profitShare', input.profitShare);
  input.grants.forEach((g, i) => {
    const field = `input.grants.${i}`;
    requiredText(problems, `${field}.granteeName`, g.granteeName, 100);
    requiredText(problems, `${field}.position`, g.position, 100);
    percent(problems, `${field}.equityShare`, g.equityShare);
    wholeNumber(problems, `${field}.serviceYears`, g.serviceYears, 0, 70);
    dateOrder(problems, `${field}.grantedOn`, input.approvedOn, g.grantedOn);
    dateOrder(problems, `${field}.exerciseDeadline`, g.firstExerciseOn, g.exerciseDeadline);
    if (input.form === IncentiveForm.STOCK_OPTION && (!g.firstExerciseOn || !g.exerciseDeadline)) {
      problems.invalid(field, 'An option grant states its first exercise date and its deadline.');
    }
    if (input.form !== IncentiveForm.STOCK_OPTION && (g.firstExerciseOn || g.exerciseDeadline)) {
      problems.invalid(field, 'Only option grants have exercise dates.');
    }
  });
  const granted = input.grants.reduce((sum, g) => sum + toScaled(g.equityShare), 0n);
  if (input.totalEquityShare && granted > toScaled(input.totalEquityShare)) {
    problems.invalid('input.grants', `The grants add up to ${fromScaled(granted, 4, 4)}%, more than the plan's ${input.totalEquityShare}%.`);
  }
  if (enterprise?.stateOwned) checkIncentiveCaps(problems, enterprise.size, input);
  if (!enterprise || problems.any) return refused(problems.list);

  const plan = ctx.em.create(EquityIncentivePlan, {
    enterprise,
    title: title!,
    form: input.form,
    status: input.status,
    approvedOn: input.approvedOn,
    totalEquityShare: input.totalEquityShare ?? null,
    profitShare: input.profitShare ?? null,
    pilotKeyUnit: input.pilotKeyUnit,
  } as never);
  for (const g of input.grants) {
    ctx.em.create(EquityGrant, {
      plan,
      granteeName: g.granteeName.trim(),
      position: g.position.trim(),
      equityShare: g.equityShare,
      serviceYears: g.serviceYears,
      grantedOn: g.grantedOn,
      firstExerciseOn: g.firstExerciseOn ?? null,
      exerciseDeadline: g.exerciseDeadline ?? null,
    } as never);
  }
  return flushOutcome(ctx, plan);
}

export async function recordTalentAward(ctx: RequestContext, input: TalentAwardInput): Promise<Outcome<TalentAward>> {
  const problems = new Problems();
  const enterprise = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  const recipientName = optionalText(problems, 'input.recipientName', input.recipientName, 100);
  positiveAmount(problems, 'input.amount', input.amount);
  notInFuture(problems, 'input.awardedOn', input.awardedOn, zoneToday());
  // A named programme selects in numbered batches each year: its award says which; the kinds of support may.
  if (NAMED_TALENT_SCHEMES.has(input.scheme)) {
    if (input.batch == null) problems.invalid('input.batch', `An award of ${input.scheme} states its batch (批次).`);
    if (input.year == null) problems.invalid('input.year', `An award of ${input.scheme} states the year of its selection.`);
  }
  wholeNumber(problems, 'input.batch', input.batch, 1, 999);
  wholeNumber(problems, 'input.year', input.year, 1978, Number(input.awardedOn.slice(0, 4)));
  if (!enterprise || problems.any) return refused(problems.list);
  const award = ctx.em.create(TalentAward, {
    enterprise,
    scheme: input.scheme,
    recipientName,
    amount: input.amount,
    awardedOn: input.awardedOn,
    batch: input.batch ?? null,
    year: input.year ?? null,
  } as never);
  return flushOutcome(ctx, award);
}
