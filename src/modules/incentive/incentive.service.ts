import type { RequestContext } from '../../context';
import { fromScaled, toScaled } from '../../common/decimal';
import { Problems } from '../../common/mutation-errors';
import { flushOutcome, type Outcome, refused } from '../../common/outcome';
import { dateOrder, notInFuture, optionalText, percent, positiveAmount, requiredText, wholeNumber } from '../../common/validate';
import { zoneToday } from '../../clock';
import { enterpriseByCode } from '../enterprise/enterprise.service';
import { checkIncentiveCaps, type EarlierPlans, isDividendForm, isEquityForm } from './incentive.caps';
import { EquityGrant, EquityIncentivePlan, IncentiveForm, NAMED_TALENT_SCHEMES, PlanStatus, TalentAward } from './incentive.entity';
import type { RecordIncentivePlanInput, RecordTalentAwardInput } from './incentive.inputs';

/** Records an incentive plan with its grants; a state-owned enterprise's plan breaking 财资〔2016〕4号 is refused naming the rule. */
export async function recordIncentivePlan(ctx: RequestContext, input: RecordIncentivePlanInput): Promise<Outcome<EquityIncentivePlan>> {
  const problems = new Problems();
  const enterprise = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  const title = requiredText(problems, 'input.title', input.title, 300);
  notInFuture(problems, 'input.approvedOn', input.approvedOn, zoneToday());
  const equity = isEquityForm(input.form);
  const dividend = isDividendForm(input.form);
  const soe = enterprise?.isStateOwned ?? false;
  if (equity && !input.totalEquityShare) problems.invalid('input.totalEquityShare', `A ${input.form} plan states the equity it grants.`);
  if (dividend && !input.profitShare) problems.invalid('input.profitShare', `A ${input.form} plan states the share of profit it distributes.`);
  if (dividend && input.totalEquityShare) problems.invalid('input.totalEquityShare', 'A dividend plan grants no equity.');
  if (dividend && !input.endsOn) problems.invalid('input.endsOn', `A ${input.form} plan states its last day.`);
  dateOrder(problems, 'input.endsOn', input.approvedOn, input.endsOn);
  if (input.form === IncentiveForm.PROJECT_DIVIDEND && !input.projectBasis) problems.invalid('input.projectBasis', 'A project dividend states what it is drawn from.');
  if (input.form !== IncentiveForm.PROJECT_DIVIDEND && input.projectBasis) problems.invalid('input.projectBasis', 'Only a project dividend has a basis.');
  if (input.form !== IncentiveForm.EQUITY_AWARD && input.netAssetIncrease) problems.invalid('input.netAssetIncrease', 'Only an equity award plan reads the net-asset increase.');
  if (input.form !== IncentiveForm.POSITION_DIVIDEND && input.staffInPost != null) problems.invalid('input.staffInPost', 'Only a position dividend plan counts staff in post.');
  // What the caps of a state-owned enterprise's plan read: without it a cap cannot be checked, so it is required.
  if (soe && input.form === IncentiveForm.EQUITY_AWARD && !input.netAssetIncrease) {
    problems.invalid('input.netAssetIncrease', 'A state-owned enterprise’s equity award plan states the three-year net-asset increase (awards ≤ 15% of it).');
  }
  if (soe && input.form === IncentiveForm.POSITION_DIVIDEND && input.staffInPost == null) {
    problems.invalid('input.staffInPost', 'A state-owned enterprise’s position dividend plan states its staff in post (recipients ≤ 30% of them).');
  }
  percent(problems, 'input.totalEquityShare', input.totalEquityShare);
  percent(problems, 'input.profitShare', input.profitShare);
  positiveAmount(problems, 'input.netAssetIncrease', input.netAssetIncrease);
  wholeNumber(problems, 'input.staffInPost', input.staffInPost, 1, 10_000_000);
  input.grants.forEach((g, i) => {
    const field = `input.grants.${i}`;
    requiredText(problems, `${field}.granteeName`, g.granteeName, 100);
    requiredText(problems, `${field}.position`, g.position, 100);
    percent(problems, `${field}.equityShare`, g.equityShare);
    percent(problems, `${field}.purchasedShare`, g.purchasedShare);
    positiveAmount(problems, `${field}.awardValue`, g.awardValue);
    positiveAmount(problems, `${field}.dividendAmount`, g.dividendAmount);
    positiveAmount(problems, `${field}.annualPay`, g.annualPay);
    wholeNumber(problems, `${field}.serviceYears`, g.serviceYears, 0, 70);
    wholeNumber(problems, `${field}.yearsInPost`, g.yearsInPost, 0, 70);
    dateOrder(problems, `${field}.grantedOn`, input.approvedOn, g.grantedOn);
    dateOrder(problems, `${field}.lastExerciseOn`, g.firstExerciseOn, g.lastExerciseOn);
    if (equity && !g.equityShare) problems.invalid(`${field}.equityShare`, `A ${input.form} grant states the equity it grants.`);
    if (dividend && (g.equityShare || g.purchasedShare)) problems.invalid(field, 'A dividend grants no equity.');
    if (!dividend && (g.dividendAmount || g.annualPay || g.yearsInPost != null)) problems.invalid(field, 'Only dividend grants have a dividend, pay or years in post.');
    if (input.form !== IncentiveForm.EQUITY_AWARD && (g.purchasedShare || g.awardValue)) problems.invalid(field, 'Only award grants have a matched purchase or an award value.');
    if (soe && input.form === IncentiveForm.EQUITY_AWARD && !g.awardValue) {
      problems.invalid(`${field}.awardValue`, 'A state-owned enterprise’s award states its appraised value (≤ ¥3m per person).');
    }
    if (soe && input.form === IncentiveForm.POSITION_DIVIDEND && (g.yearsInPost == null || !g.dividendAmount || !g.annualPay)) {
      problems.invalid(field, 'A state-owned enterprise’s position dividend grant states the years in post, the dividend and the pay.');
    }
    if (input.form === IncentiveForm.STOCK_OPTION && (!g.firstExerciseOn || !g.lastExerciseOn)) {
      problems.invalid(field, 'An option grant states its first and last exercise dates.');
    }
    if (input.form !== IncentiveForm.STOCK_OPTION && (g.firstExerciseOn || g.lastExerciseOn)) {
      problems.invalid(field, 'Only option grants have exercise dates.');
    }
  });
  const granted = input.grants.reduce((sum, g) => sum + toScaled(g.equityShare ?? '0') + toScaled(g.purchasedShare ?? '0'), 0n);
  if (input.totalEquityShare && granted > toScaled(input.totalEquityShare)) {
    problems.invalid('input.grants', `The grants add up to ${fromScaled(granted, 4, 4)}%, more than the plan's ${input.totalEquityShare}%.`);
  }
  if (enterprise && soe && !problems.any) {
    // The caps are cumulative: two plans recorded at once must not both fit under what only one may take.
    await ctx.em.execute('select 1 from enterprise where id = ? for update', [enterprise.id]);
    checkIncentiveCaps(problems, enterprise.size, input, await earlierPlans(ctx, enterprise.id));
  }
  if (!enterprise || problems.any) return refused(problems.list);

  const plan = ctx.em.create(EquityIncentivePlan, {
    enterprise,
    title: title!,
    form: input.form,
    status: input.status,
    approvedOn: input.approvedOn,
    totalEquityShare: input.totalEquityShare ?? null,
    profitShare: input.profitShare ?? null,
    endsOn: input.endsOn ?? null,
    projectBasis: input.projectBasis ?? null,
    netAssetIncrease: input.netAssetIncrease ?? null,
    staffInPost: input.staffInPost ?? null,
    isPilotKeyUnit: input.isPilotKeyUnit,
  } as never);
  for (const g of input.grants) {
    ctx.em.create(EquityGrant, {
      plan,
      granteeName: g.granteeName.trim(),
      position: g.position.trim(),
      equityShare: g.equityShare ?? null,
      purchasedShare: g.purchasedShare ?? null,
      awardValue: g.awardValue ?? null,
      isKeyTechnicalStaff: g.isKeyTechnicalStaff,
      serviceYears: g.serviceYears,
      yearsInPost: g.yearsInPost ?? null,
      dividendAmount: g.dividendAmount ?? null,
      annualPay: g.annualPay ?? null,
      grantedOn: g.grantedOn,
      firstExerciseOn: g.firstExerciseOn ?? null,
      lastExerciseOn: g.lastExerciseOn ?? null,
    } as never);
  }
  return flushOutcome(ctx, plan);
}

/** The enterprise's plans that granted something (all but drafts) and their grants: what the cumulative caps add to. */
async function earlierPlans(ctx: RequestContext, enterpriseId: string): Promise<EarlierPlans> {
  const plans = await ctx.em.execute<{ id: string; form: IncentiveForm; approved_on: string; ends_on: string | null; status: PlanStatus; total_equity_share: string | null; profit_share: string | null }[]>(
    `select id, form, approved_on::text, ends_on::text, status, total_equity_share::text, profit_share::text
     from equity_incentive_plan where enterprise_id = ? and status <> 'DRAFT'`,
    [enterpriseId],
  );
  const grants = await ctx.em.execute<{ grantee_name: string; form: IncentiveForm; equity_share: string | null; purchased_share: string | null; award_value: string | null }[]>(
    `select g.grantee_name, p.form, g.equity_share::text, g.purchased_share::text, g.award_value::text
     from equity_grant g join equity_incentive_plan p on p.id = g.plan_id where p.enterprise_id = ? and p.status <> 'DRAFT'`,
    [enterpriseId],
  );
  return {
    plans: plans.map((p) => ({
      form: p.form,
      approvedOn: p.approved_on,
      endsOn: p.ends_on,
      ended: p.status === PlanStatus.ENDED,
      totalEquityShare: p.total_equity_share,
      profitShare: p.profit_share,
    })),
    grants: grants.map((g) => ({ granteeName: g.grantee_name, form: g.form, equityShare: g.equity_share, purchasedShare: g.purchased_share, awardValue: g.award_value })),
  };
}

export async function recordTalentAward(ctx: RequestContext, input: RecordTalentAwardInput): Promise<Outcome<TalentAward>> {
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
