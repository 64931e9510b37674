import { useCallback } from 'react';
import { useLanguage } from '../../i18n';

/** Reference data's name in the reader's language: the English one when reading English and one is recorded. */
export function useNameOf() {
  const { language } = useLanguage();
  return useCallback(
    (named: { name: string; nameEn?: string | null } | null | undefined): string => {
      if (!named) return '—';
      return language === 'en' && named.nameEn ? named.nameEn : named.name;
    },
    [language],
  );
}

/** A yuan amount (the server's Decimal string) in 亿元 / 万元 for headline figures, or ¥bn / ¥m in English. */
export function useLargeMoney() {
  const { language } = useLanguage();
  return useCallback(
    (amount: string | null | undefined): string => {
      if (amount == null) return '—';
      const yuan = Number(amount);
      const format = (n: number, digits: number) =>
        new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
      if (language === 'zh') return yuan >= 1e8 ? `${format(yuan / 1e8, 2)} 亿元` : `${format(yuan / 1e4, 2)} 万元`;
      return yuan >= 1e9 ? `¥${format(yuan / 1e9, 2)} bn` : `¥${format(yuan / 1e6, 2)} m`;
    },
    [language],
  );
}
