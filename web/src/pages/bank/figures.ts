import { useMemo } from 'react';
import type { LabelledEnum } from '../../enums';
import type { BankBatchEligibilityQuery } from '../../generated/graphql';
import { messages, useFormat } from '../../i18n';
import { useLabel } from '../../labels';

/**
 * A check's typed figures in words (认定依据 observed, 认定标准 required, 缺失数据 missing), in the reader's language:
 * each figure by its name, year and record, its value in the field its name says carries it.
 */
export type Check = BankBatchEligibilityQuery['eligibility'][number]['checks'][number];
type Figure = Check['observed'][number];
type Threshold = Check['required'][number];
type Missing = Check['missing'][number];

/** Figures whose `text` (and thresholds' anyOf/noneOf) hold a value of one of the console's labelled enums. */
const TEXT_ENUM: Partial<Record<string, LabelledEnum>> = {
  INDUSTRY: 'Industry',
  HIGH_TECH_FIELD: 'HighTechField',
  ECONOMIC_SECTOR: 'EconomicSector',
  QUALIFICATION_KIND: 'QualificationKind',
  TECH_ENTERPRISE_TYPE: 'TechEnterpriseType',
};

const useText = messages({
  year: ['{year}年度', '{year}'],
  years: ['{first}–{last}年度', '{first}–{last}'],
  yuan: ['{amount} 元', '¥{amount}'],
  yes: ['是', 'yes'],
  no: ['否', 'no'],
  atLeast: ['≥ {value}', '≥ {value}'],
  atMost: ['≤ {value}', '≤ {value}'],
  onOrAfter: ['不早于 {value}', 'on or after {value}'],
  onOrBefore: ['不晚于 {value}', 'on or before {value}'],
  anyOf: ['为其一：{values}', 'one of {values}'],
  noneOf: ['不得为：{values}', 'none of {values}'],
  mustBe: ['须为“{value}”', 'must be {value}'],
  alternative: ['或（第{n}种）', 'or (option {n})'],
  missingNamed: ['缺少{name}', 'missing {name}'],
  separator: ['；', '; '],
  qualified: ['{name}（{qualifiers}）', '{name} ({qualifiers})'],
  valued: ['{name}：{value}', '{name}: {value}'],
  listSeparator: ['、', ', '],
});

/** Formats the figures of checks; one formatter per render, in the reader's language. */
export function useFigureText() {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  return useMemo(() => {
    const enumValue = (name: string, value: string) => {
      const type = TEXT_ENUM[name];
      return type ? label(type, value) : value;
    };
    const period = (f: { fiscalYear: number | null; firstFiscalYear: number | null }) =>
      f.fiscalYear == null
        ? ''
        : f.firstFiscalYear != null && f.firstFiscalYear !== f.fiscalYear
          ? t('years', { first: f.firstFiscalYear, last: f.fiscalYear })
          : t('year', { year: f.fiscalYear });
    const named = (f: { name: string; fiscalYear: number | null; firstFiscalYear: number | null; subject?: string | null }) => {
      const when = period(f);
      const subject = f.name === 'DEFAULTED_ON' && f.subject ? label('InstrumentKind', f.subject) : f.subject;
      const qualifiers = [when, subject].filter(Boolean).join(' ');
      return qualifiers ? t('qualified', { name: label('FigureName', f.name), qualifiers }) : label('FigureName', f.name);
    };
    const figure = (f: Figure): string => {
      const value =
        f.amount != null
          ? t('yuan', { amount: format.money(f.amount) })
          : f.percent != null
            ? `${f.percent}%`
            : f.count != null
              ? format.number(f.count)
              : f.date != null
                ? format.date(f.date)
                : f.text != null
                  ? enumValue(f.name, f.text)
                  : f.isTrue != null
                    ? f.isTrue
                      ? t('yes')
                      : t('no')
                    : '—';
      return t('valued', { name: named(f), value });
    };
    const threshold = (r: Threshold): string => {
      const bounds = [
        r.minimumAmount != null && t('atLeast', { value: t('yuan', { amount: format.money(r.minimumAmount) }) }),
        r.maximumAmount != null && t('atMost', { value: t('yuan', { amount: format.money(r.maximumAmount) }) }),
        r.minimumPercent != null && t('atLeast', { value: `${r.minimumPercent}%` }),
        r.minimumCount != null && t('atLeast', { value: format.number(r.minimumCount) }),
        r.maximumCount != null && t('atMost', { value: format.number(r.maximumCount) }),
        r.minimumDate != null && t('onOrAfter', { value: r.minimumDate }),
        r.maximumDate != null && t('onOrBefore', { value: r.maximumDate }),
        r.anyOf != null && t('anyOf', { values: r.anyOf.map((v) => enumValue(r.name, v)).join(t('listSeparator')) }),
        r.noneOf != null && t('noneOf', { values: r.noneOf.map((v) => enumValue(r.name, v)).join(t('listSeparator')) }),
        r.isTrue != null && t('mustBe', { value: r.isTrue ? t('yes') : t('no') }),
      ].filter((b): b is string => typeof b === 'string');
      const text = t('valued', { name: named(r), value: bounds.join(t('listSeparator')) });
      return r.alternative > 1 ? `${t('alternative', { n: r.alternative })} ${text}` : text;
    };
    const missing = (m: Missing): string => t('missingNamed', { name: named({ ...m, firstFiscalYear: null }) });
    return {
      observed: (c: Check) => c.observed.map(figure).join(t('separator')),
      required: (c: Check) => c.required.map(threshold).join(t('separator')),
      missing: (c: Check) => c.missing.map(missing).join(t('separator')),
    };
  }, [t, label, format]);
}
