import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * Chinese first, English on request (issue 15). Every text a page shows is a pair [中文, English] declared beside the
 * page with `messages({...})`, so a page and its words are read together and TypeScript refuses a key without both.
 * The choice is kept in this browser (localStorage) and sent to the server where an answer has a language
 * (eligibility details).
 */
import type { Language, Pair } from './text';

export type { Language, Pair };

const STORAGE_KEY = 'innozone.language';

const LanguageContext = createContext<{ language: Language; setLanguage: (language: Language) => void }>({
  language: 'zh',
  setLanguage: () => undefined,
});

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, set] = useState<Language>(storedLanguage);
  const setLanguage = useCallback((next: Language) => {
    set(next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private browsing: the choice lasts for this page
    }
  }, []);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage() {
  return useContext(LanguageContext);
}

/** `{name}` in a text is replaced by `params.name`. */
function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** The text of a pair in a language. */
export function pick(pair: Pair, language: Language, params?: Record<string, string | number>): string {
  return fill(language === 'zh' ? pair[0] : pair[1], params);
}

/**
 * A page's texts: `const useText = messages({ title: ['企业名录', 'Enterprises'] })`, then in the component
 * `const t = useText(); t('title')`.
 */
export function messages<K extends string>(table: Record<K, Pair>) {
  return function useText() {
    const { language } = useLanguage();
    return useCallback((key: K, params?: Record<string, string | number>) => pick(table[key], language, params), [language]);
  };
}

/** Formats dates, numbers and money the reader's way (zh-CN or en-GB; money is the server's Decimal string, in yuan). */
export function useFormat() {
  const { language } = useLanguage();
  return useMemo(() => {
    const locale = language === 'zh' ? 'zh-CN' : 'en-GB';
    const number = new Intl.NumberFormat(locale);
    const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
    return {
      number: (n: number | null | undefined) => (n == null ? '—' : number.format(n)),
      /** A Decimal (string) of yuan, grouped, two places; 万元 for large figures is the reader's choice, not ours. */
      money: (amount: string | null | undefined) => (amount == null ? '—' : money.format(Number(amount))),
      /** A Date scalar (YYYY-MM-DD) as written: it is already a day in Asia/Shanghai. */
      date: (day: string | null | undefined) => day ?? '—',
      dateTime: (at: string | null | undefined) => (at == null ? '—' : dateTime.format(new Date(at))),
    };
  }, [language]);
}
