import { fromScaled, toScaled } from '../../common/decimal';
import { IncentiveCapExceededError, IncentiveFormNotAllowedError, type Problems } from '../../common/mutation-errors';
import { EnterpriseSize } from '../enterprise/enums';
import { IncentiveForm, ProjectDividendBasis } from './incentive.entity';
import type { RecordIncentivePlanInput } from './incentive.inputs';

/**
 * The rules of 财资〔2016〕4号 (国有科技型企业股权和分红激励暂行办法) for a state-owned enterprise's plans, as the
 * regulation states them. Each broken rule is reported with its name. Equity and position-dividend caps are cumulative:
 * what the enterprise's earlier plans (approved, in effect or ended) granted counts, and so does what a person got under
 * them (a person is known by name within the enterprise: the registry holds no other identity for grantees).
 */
export const TOTAL_CAP: Record<EnterpriseSize, { rule: string; percent: string; label: string }> = {
  // 大型企业…不超过企业总股本的5%；中型企业…10%；小、微型企业…30%
  [EnterpriseSize.LARGE]: { rule: 'TOTAL_CAP_LARGE', percent: '5', label: 'large' },
  [EnterpriseSize.MEDIUM]: { rule: 'TOTAL_CAP_MEDIUM', percent: '10', label: 'medium' },
  [EnterpriseSize.SMALL]: { rule: 'TOTAL_CAP_SMALL', percent: '30', label: 'small' },
  [EnterpriseSize.MICRO]: { rule: 'TOTAL_CAP_SMALL', percent: '30', label: 'small or micro' },
};
/** 单个激励对象获得的激励股权不得超过企业总股本的3% (awarded, bought and optioned alike). */
export const PER_PERSON_CAP = '3';
/** 股权奖励的激励对象，仅限于在本企业连续工作3年以上的重要技术人员. */
export const AWARD_MIN_SERVICE_YEARS = 3;
/** 企业用于股权奖励的激励额不超过近3年税后利润累计形成的净资产增值额的15%. */
export const AWARD_NET_ASSET_CAP = '15';
/** 获得的股权奖励按激励实施时的评估价值折算，累计不超过300万元. */
export const AWARD_VALUE_PER_PERSON = '3000000.00';
/** 企业年度岗位分红激励总额不高于当年税后利润的15%. */
export const POSITION_DIVIDEND_CAP = '15';
/** 每次激励人数不超过企业在岗职工总数的30%; 在该岗位上连续工作1年以上; 所得不高于其薪酬总额的2/3; 有效期不超过3年. */
export const POSITION_DIVIDEND_STAFF_CAP = 30;
export const POSITION_DIVIDEND_MIN_YEARS_IN_POST = 1;
export const POSITION_DIVIDEND_MAX_YEARS = 3;
/** transfer or license, and investment ≥ 50%; industrialization ≥ 5% a year, for 3 to 5 years. */
export const PROJECT_DIVIDEND_FLOOR: Record<ProjectDividendBasis, string> = {
  [ProjectDividendBasis.TRANSFER_OR_LICENSE]: '50',
  [ProjectDividendBasis.INVESTMENT]: '50',
  [ProjectDividendBasis.INDUSTRIALIZATION]: '5',
};

const EQUITY_FORMS = new Set([
  IncentiveForm.EQUITY_SALE,
  IncentiveForm.EQUITY_AWARD,
  IncentiveForm.STOCK_OPTION,
  IncentiveForm.RESTRICTED_STOCK,
  IncentiveForm.TECHNOLOGY_AS_CAPITAL,
]);

/** Forms 财资〔2016〕4号 does not provide for: rows recorded before stay readable, a new state-owned plan is refused. */
export const NOT_IN_SCHEME = new Set([IncentiveForm.RESTRICTED_STOCK, IncentiveForm.TECHNOLOGY_AS_CAPITAL]);

export const isEquityForm = (form: IncentiveForm) => EQUITY_FORMS.has(form);
export const isDividendForm = (form: IncentiveForm) => form === IncentiveForm.PROJECT_DIVIDEND || form === IncentiveForm.POSITION_DIVIDEND;

/** The same day `years` later (29 Feb → 28 Feb). */
export function yearsAfter(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const [m, d] = [Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${date.slice(5, 7)}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** What the enterprise's earlier plans (not drafts) granted: the cumulative caps read it. */
export interface EarlierPlans {
  plans: { form: IncentiveForm; approvedOn: string; endsOn: string | null; ended: boolean; totalEquityShare: string | null; profitShare: string | null }[];
  grants: { granteeName: string; form: IncentiveForm; equityShare: string | null; purchasedShare: string | null; awardValue: string | null }[];
}

const pctScaled = (v: string | null | undefined) => (v ? toScaled(v, 4) : 0n);
const yuanScaled = (v: string | null | undefined) => (v ? toScaled(v, 2) : 0n);
const pctText = (v: bigint) => fromScaled(v, 4, 4);
const yuanText = (v: bigint) => fromScaled(v, 2, 2);

const cap = (field: string, rule: string, message: string) => new IncentiveCapExceededError(field, rule, message);

/** A state-owned enterprise's plan against 财资〔2016〕4号: every rule it breaks, with the rule's name. */
export function checkIncentiveCaps(problems: Problems, size: EnterpriseSize, input: RecordIncentivePlanInput, earlier: EarlierPlans): void {
  if (NOT_IN_SCHEME.has(input.form)) {
    problems.add(
      new IncentiveFormNotAllowedError(
        'input.form',
        'FORM_NOT_IN_SCHEME: 财资〔2016〕4号 provides for equity sale, award and options, and project and position dividends',
        `${input.form} is not an incentive form of 财资〔2016〕4号; a state-owned tech enterprise’s plan uses 股权出售, 股权奖励, 股权期权, 项目收益分红 or 岗位分红.`,
      ),
    );
  }
  if (input.form === IncentiveForm.STOCK_OPTION && (size === EnterpriseSize.LARGE || size === EnterpriseSize.MEDIUM)) {
    problems.add(
      new IncentiveFormNotAllowedError(
        'input.form',
        'OPTIONS_SMALL_MICRO_ONLY: stock options for small and micro enterprises only',
        `A ${size === EnterpriseSize.LARGE ? 'large' : 'medium'} enterprise may not grant stock options; only small and micro ones may.`,
      ),
    );
  }
  if (isEquityForm(input.form)) checkEquity(problems, size, input, earlier);
  if (input.form === IncentiveForm.EQUITY_AWARD) checkAward(problems, input, earlier);
  if (input.form === IncentiveForm.STOCK_OPTION) checkOptions(problems, input);
  if (input.form === IncentiveForm.POSITION_DIVIDEND) checkPositionDividend(problems, input, earlier);
  if (input.form === IncentiveForm.PROJECT_DIVIDEND) checkProjectDividend(problems, input);
}

function checkEquity(problems: Problems, size: EnterpriseSize, input: RecordIncentivePlanInput, earlier: EarlierPlans): void {
  const total = TOTAL_CAP[size];
  const before = earlier.plans.filter((p) => isEquityForm(p.form)).reduce((sum, p) => sum + pctScaled(p.totalEquityShare), 0n);
  const after = before + pctScaled(input.totalEquityShare);
  if (input.totalEquityShare && after > toScaled(total.percent, 4)) {
    problems.add(
      cap(
        'input.totalEquityShare',
        `${total.rule}: ≤ ${total.percent}% of equity for a ${total.label} enterprise, all plans together`,
        `The plan grants ${input.totalEquityShare}% of equity${before ? ` on top of ${pctText(before)}% granted by earlier plans (${pctText(after)}% in all)` : ''}; a ${total.label} state-owned tech enterprise may grant at most ${total.percent}%.`,
      ),
    );
  }
  // A person's incentive equity: all they were granted or bought under any plan, and under this one (maybe twice).
  const held = new Map<string, bigint>();
  for (const g of earlier.grants) held.set(g.granteeName, (held.get(g.granteeName) ?? 0n) + pctScaled(g.equityShare) + pctScaled(g.purchasedShare));
  input.grants.forEach((g, i) => {
    const name = g.granteeName.trim();
    const before = held.get(name) ?? 0n;
    const after = before + pctScaled(g.equityShare) + pctScaled(g.purchasedShare);
    held.set(name, after);
    if (after > toScaled(PER_PERSON_CAP, 4)) {
      problems.add(
        cap(
          `input.grants.${i}.equityShare`,
          `PER_PERSON_CAP: ≤ ${PER_PERSON_CAP}% of equity per person, all plans together`,
          `${name} would hold ${pctText(after)}% of equity from incentives${before ? ` (${pctText(before)}% before this grant)` : ''}; one person may get at most ${PER_PERSON_CAP}%.`,
        ),
      );
    }
  });
}

function checkAward(problems: Problems, input: RecordIncentivePlanInput, earlier: EarlierPlans): void {
  const awarded = new Map<string, bigint>();
  for (const g of earlier.grants) if (g.form === IncentiveForm.EQUITY_AWARD) awarded.set(g.granteeName, (awarded.get(g.granteeName) ?? 0n) + yuanScaled(g.awardValue));
  input.grants.forEach((g, i) => {
    const field = `input.grants.${i}`;
    const name = g.granteeName.trim();
    if (!g.isKeyTechnicalStaff) {
      problems.add(cap(`${field}.isKeyTechnicalStaff`, 'AWARD_KEY_TECHNICAL_STAFF: equity awards go to key technical staff only', `${name} is not recorded as key technical staff (重要技术人员); an equity award may go to no one else.`));
    }
    if (g.serviceYears < AWARD_MIN_SERVICE_YEARS) {
      problems.add(
        cap(
          `${field}.serviceYears`,
          `AWARD_MIN_SERVICE: equity awards need ≥ ${AWARD_MIN_SERVICE_YEARS} years of service`,
          `${name} has served ${g.serviceYears} years; an equity award needs at least ${AWARD_MIN_SERVICE_YEARS}.`,
        ),
      );
    }
    if (pctScaled(g.purchasedShare) < pctScaled(g.equityShare)) {
      problems.add(
        cap(
          `${field}.purchasedShare`,
          'AWARD_MATCHED_PURCHASE: each award matched by a purchase of at least as much equity (≥ 1:1)',
          `${name} is awarded ${g.equityShare}% and buys ${g.purchasedShare ?? '0.0000'}%; an award is matched by buying at least as much.`,
        ),
      );
    }
    const before = awarded.get(name) ?? 0n;
    const after = before + yuanScaled(g.awardValue);
    awarded.set(name, after);
    if (after > toScaled(AWARD_VALUE_PER_PERSON, 2)) {
      problems.add(
        cap(
          `${field}.awardValue`,
          'AWARD_VALUE_PER_PERSON: ≤ ¥3,000,000 of awards per person at appraised value, all plans together',
          `${name}'s awards would come to ¥${yuanText(after)}${before ? ` (¥${yuanText(before)} before this one)` : ''}; one person may be awarded at most ¥${AWARD_VALUE_PER_PERSON}.`,
        ),
      );
    }
  });
  const total = input.grants.reduce((sum, g) => sum + yuanScaled(g.awardValue), 0n);
  if (input.netAssetIncrease && total * 100n > yuanScaled(input.netAssetIncrease) * toScaled(AWARD_NET_ASSET_CAP, 0)) {
    problems.add(
      cap(
        'input.grants',
        `AWARD_NET_ASSET_CAP: awards ≤ ${AWARD_NET_ASSET_CAP}% of the three-year net-asset increase`,
        `The awards come to ¥${yuanText(total)}; at most ${AWARD_NET_ASSET_CAP}% of the net-asset increase of ¥${input.netAssetIncrease} may be awarded.`,
      ),
    );
  }
}

function checkOptions(problems: Problems, input: RecordIncentivePlanInput): void {
  input.grants.forEach((g, i) => {
    const field = `input.grants.${i}`;
    if (g.firstExerciseOn && g.firstExerciseOn < yearsAfter(g.grantedOn, 1)) {
      problems.add(
        cap(
          `${field}.firstExerciseOn`,
          'OPTION_VESTING: ≥ 1 year from grant to first exercise',
          `Options granted on ${g.grantedOn} may first be exercised on ${yearsAfter(g.grantedOn, 1)}, not ${g.firstExerciseOn}.`,
        ),
      );
    }
    if (g.firstExerciseOn && g.lastExerciseOn && g.lastExerciseOn > yearsAfter(g.firstExerciseOn, 5)) {
      problems.add(
        cap(
          `${field}.lastExerciseOn`,
          'OPTION_EXERCISE_WINDOW: exercised within 5 years',
          `The exercise window from ${g.firstExerciseOn} may run to ${yearsAfter(g.firstExerciseOn, 5)} at the latest.`,
        ),
      );
    }
  });
}

function checkPositionDividend(problems: Problems, input: RecordIncentivePlanInput, earlier: EarlierPlans): void {
  const last = dayBefore(yearsAfter(input.approvedOn, POSITION_DIVIDEND_MAX_YEARS));
  if (input.endsOn && input.endsOn > last) {
    problems.add(
      cap('input.endsOn', `POSITION_DIVIDEND_TERM: a plan runs ≤ ${POSITION_DIVIDEND_MAX_YEARS} years`, `A plan approved on ${input.approvedOn} may run to ${last} at the latest, not ${input.endsOn}.`),
    );
  }
  // Plans whose years overlap this one's draw on the same year's profit: their shares add up.
  const end = input.endsOn ?? last;
  const overlapping = earlier.plans.filter(
    (p) => p.form === IncentiveForm.POSITION_DIVIDEND && p.approvedOn <= end && (p.endsOn ? p.endsOn >= input.approvedOn : !p.ended),
  );
  const before = overlapping.reduce((sum, p) => sum + pctScaled(p.profitShare), 0n);
  const after = before + pctScaled(input.profitShare);
  if (input.profitShare && after > toScaled(POSITION_DIVIDEND_CAP, 4)) {
    problems.add(
      cap(
        'input.profitShare',
        `POSITION_DIVIDEND_CAP: ≤ ${POSITION_DIVIDEND_CAP}% of the year’s after-tax profit, all plans together`,
        `Position dividends would distribute ${pctText(after)}% of after-tax profit${before ? ` (${pctText(before)}% under plans running in the same years)` : ''}; at most ${POSITION_DIVIDEND_CAP}% a year.`,
      ),
    );
  }
  if (input.staffInPost != null && input.grants.length * 100 > input.staffInPost * POSITION_DIVIDEND_STAFF_CAP) {
    problems.add(
      cap(
        'input.grants',
        `POSITION_DIVIDEND_STAFF_SHARE: ≤ ${POSITION_DIVIDEND_STAFF_CAP}% of staff in post per round`,
        `${input.grants.length} recipients of ${input.staffInPost} staff in post; at most ${Math.floor((input.staffInPost * POSITION_DIVIDEND_STAFF_CAP) / 100)}.`,
      ),
    );
  }
  input.grants.forEach((g, i) => {
    const field = `input.grants.${i}`;
    const name = g.granteeName.trim();
    if (g.yearsInPost != null && g.yearsInPost < POSITION_DIVIDEND_MIN_YEARS_IN_POST) {
      problems.add(cap(`${field}.yearsInPost`, 'POSITION_DIVIDEND_YEAR_IN_POST: ≥ 1 year in the post', `${name} has been in the post ${g.yearsInPost} years; at least 1 is needed.`));
    }
    if (g.dividendAmount && g.annualPay && yuanScaled(g.dividendAmount) * 3n > yuanScaled(g.annualPay) * 2n) {
      problems.add(
        cap(
          `${field}.dividendAmount`,
          'POSITION_DIVIDEND_PAY_SHARE: a person’s position dividend ≤ 2/3 of their pay',
          `${name} would get ¥${g.dividendAmount} on pay of ¥${g.annualPay}; at most two thirds of the pay.`,
        ),
      );
    }
  });
}

function checkProjectDividend(problems: Problems, input: RecordIncentivePlanInput): void {
  if (!input.projectBasis) return;
  const floor = PROJECT_DIVIDEND_FLOOR[input.projectBasis];
  if (input.profitShare && pctScaled(input.profitShare) < toScaled(floor, 4)) {
    problems.add(
      cap(
        'input.profitShare',
        `PROJECT_DIVIDEND_FLOOR: ≥ ${floor}% for ${input.projectBasis}`,
        `A project dividend from ${input.projectBasis} distributes at least ${floor}%, not ${input.profitShare}%.`,
      ),
    );
  }
  if (input.projectBasis === ProjectDividendBasis.INDUSTRIALIZATION && input.endsOn) {
    const earliest = dayBefore(yearsAfter(input.approvedOn, 3));
    const latest = dayBefore(yearsAfter(input.approvedOn, 5));
    if (input.endsOn < earliest || input.endsOn > latest) {
      problems.add(
        cap(
          'input.endsOn',
          'PROJECT_DIVIDEND_TERM: from industrialization, each year for 3 to 5 years',
          `A plan from ${input.approvedOn} runs to between ${earliest} and ${latest}, not ${input.endsOn}.`,
        ),
      );
    }
  }
}
