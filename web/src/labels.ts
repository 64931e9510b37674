import { useCallback } from 'react';
import { ENUM_LABELS, type LabelledEnum } from './enums';
import { pick, useLanguage } from './i18n';

/** `label('InstrumentKind', 'CREDIT_LOAN')` → 信用贷款 (or Credit loan): an enum value as the reader reads it. */
export function useLabel() {
  const { language } = useLanguage();
  return useCallback(
    <E extends LabelledEnum>(type: E, value: string | null | undefined): string => {
      if (value == null) return '—';
      const pair = (ENUM_LABELS[type] as Record<string, readonly [string, string]>)[value];
      return pair ? pick(pair, language) : value;
    },
    [language],
  );
}

/** The values of an enum as select options, in the table's order. */
export function useEnumOptions() {
  const { language } = useLanguage();
  return useCallback(
    <E extends LabelledEnum>(type: E) =>
      Object.entries(ENUM_LABELS[type] as Record<string, readonly [string, string]>).map(([value, pair]) => ({ value, label: pick(pair, language) })),
    [language],
  );
}
