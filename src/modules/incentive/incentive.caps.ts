import { compareDecimal } from '../../common/decimal';
import { IncentiveCapExceededError, type Problems } from '../../common/mutation-errors';
import { EnterpriseSize } from '../enterprise/enums';
import { IncentiveForm } from './incentive.entity';
import type { EquityIncentivePlanInput } from './incentive.inputs';

/**
 * The caps of the 2016 rules for equity and dividend incentives in state-owned tech enterprises
 * (财资〔2016〕4号), as DOMAIN.md states them. Each broken cap is reported with the rule's name.
 */
export const TOTAL_CAP: Record<EnterpriseSize, { rule: string; percent: string; label: string }> = {
  [EnterpriseSize.LARGE]: { rule: 'TOTAL_CAP_LARGE', percent: '5', label: 'large' },
  [EnterpriseSize.MEDIUM]: { rule: 'TOTAL_CAP_MEDIUM', percent: '10', label: 'medium' },
  [EnterpriseSize.SMALL]: { rule: 'TOTAL_CAP_SMALL', percent: '30', label: 'small' },
  [EnterpriseSize.MICRO]: { rule: 'TOTAL_CAP_SMALL', percent: '30', label: 'small or micro' },
};
export const PER_PERSON_CAP = '3';
export const AWARD_MIN_SERVICE_YEARS = 3;
export const POSITION_DIVIDEND_CAP = '15';

const EQUITY_FORMS = new Set([
  IncentiveForm.EQUITY_SALE,
  IncentiveForm.EQUITY_AWARD,
  IncentiveForm.STOCK_OPTION,
  IncentiveForm.RESTRICTED_STOCK,
  IncentiveForm.TECHNOLOGY_AS_CAPITAL,
]);

export const isEquityForm = (form: IncentiveForm) => EQUITY_FORMS.has(form);

function yearsAfter(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export function checkIncentiveCaps(problems: Problems, size: EnterpriseSize, input: EquityIncentivePlanInput): void {
  const cap = TOTAL_CAP[size];
  if (input.totalEquityShare && compareDecimal(input.totalEquityShare, cap.percent) > 0) {
    problems.add(
      new IncentiveCapExceededError(
        'input.totalEquityShare',
        `${cap.rule}: ≤ ${cap.percent}% of equity for a ${cap.label} enterprise`,
        `The plan grants ${input.totalEquityShare}% of equity; a ${cap.label} state-owned tech enterprise may grant at most ${cap.percent}%.`,
      ),
    );
  }
  input.grants.forEach((g, i) => {
    const field = `input.grants.${i}`;
    if (compareDecimal(g.equityShare, PER_PERSON_CAP) > 0) {
      problems.add(
        new IncentiveCapExceededError(
          `${field}.equityShare`,
          `PER_PERSON_CAP: ≤ ${PER_PERSON_CAP}% of equity per person`,
          `${g.granteeName} would get ${g.equityShare}% of equity; one person may get at most ${PER_PERSON_CAP}%.`,
        ),
      );
    }
    if (input.form === IncentiveForm.EQUITY_AWARD && g.serviceYears < AWARD_MIN_SERVICE_YEARS) {
      problems.add(
        new IncentiveCapExceededError(
          `${field}.serviceYears`,
          `AWARD_MIN_SERVICE: equity awards need ≥ ${AWARD_MIN_SERVICE_YEARS} years of service`,
          `${g.granteeName} has served ${g.serviceYears} years; an equity award needs at least ${AWARD_MIN_SERVICE_YEARS}.`,
        ),
      );
    }
    if (input.form === IncentiveForm.STOCK_OPTION) {
      if (g.firstExerciseOn && g.firstExerciseOn < yearsAfter(g.grantedOn, 1)) {
        problems.add(
          new IncentiveCapExceededError(
            `${field}.firstExerciseOn`,
            'OPTION_VESTING: ≥ 1 year from grant to first exercise',
            `Options granted on ${g.grantedOn} may first be exercised on ${yearsAfter(g.grantedOn, 1)}, not ${g.firstExerciseOn}.`,
          ),
        );
      }
      if (g.firstExerciseOn && g.exerciseDeadline && g.exerciseDeadline > yearsAfter(g.firstExerciseOn, 5)) {
        problems.add(
          new IncentiveCapExceededError(
            `${field}.exerciseDeadline`,
            'OPTION_EXERCISE_WINDOW: exercised within 5 years',
            `The exercise window from ${g.firstExerciseOn} may run to ${yearsAfter(g.firstExerciseOn, 5)} at the latest.`,
          ),
        );
      }
    }
  });
  if (input.form === IncentiveForm.POSITION_DIVIDEND && input.profitShare && compareDecimal(input.profitShare, POSITION_DIVIDEND_CAP) > 0) {
    problems.add(
      new IncentiveCapExceededError(
        'input.profitShare',
        `POSITION_DIVIDEND_CAP: ≤ ${POSITION_DIVIDEND_CAP}% of profit`,
        `Position-based dividends may distribute at most ${POSITION_DIVIDEND_CAP}% of profit, not ${input.profitShare}%.`,
      ),
    );
  }
}
