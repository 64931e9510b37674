import { checkCreditCode } from '../../common/credit-code';
import { CreditCodeScalar, DateScalar, DecimalScalar } from '../../common/scalars';

/**
 * A cell as a spreadsheet gives it: text (CSV, or a text cell), a number, a boolean, a date (an Excel date cell), or
 * empty. What a column makes of it is the same as what GraphQL makes of the mutation's argument: the same scalars
 * parse it (`Date`, `Decimal`, `CreditCode`), after the forms a spreadsheet writes are brought to theirs.
 */
export type Cell = string | number | boolean | Date | null;

/** What a cell means, or why it means nothing (in both languages). */
export type Parsed<T> = { value: T } | { problem: { zh: string; en: string } };

const ok = <T>(value: T): Parsed<T> => ({ value });
const bad = (zh: string, en: string): Parsed<never> => ({ problem: { zh, en } });

/** Is the cell empty (nothing, or only white space)? */
export const isEmpty = (cell: Cell): boolean => cell === null || (typeof cell === 'string' && cell.trim() === '');

/** A cell as text, as a person reads it (a number as Excel shows it at 15 significant digits). */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return String(Number(cell.toPrecision(15)));
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return cell.trim();
}

/** Text of at most a reasonable length: a cell is read as written, trimmed (the service applies its own limits). */
export function text(cell: Cell): Parsed<string> {
  return ok(cellText(cell));
}

/**
 * A credit code: text only. Excel turns an 18-digit code typed into a general cell into a number and loses its last
 * digits, so a number is refused with how to avoid it.
 */
export function creditCode(cell: Cell): Parsed<string> {
  if (typeof cell === 'number') {
    return bad(
      '统一社会信用代码被 Excel 存成了数字（后几位已丢失）：请把该列设为“文本”格式后重新填写。',
      'Excel stored the credit code as a number (losing its last digits): format the column as Text and type it again.',
    );
  }
  const given = cellText(cell);
  try {
    return ok(CreditCodeScalar.parseValue(given) as string);
  } catch (err) {
    const check = checkCreditCode(given);
    return bad(check.ok ? '不是统一社会信用代码。' : check.chinese, (err as Error).message);
  }
}

const DATE_FORMS = [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日$/];

/**
 * A date: an Excel date cell (its calendar day: Excel dates have no time zone), or text as YYYY-MM-DD, and the forms
 * Excel in Chinese writes into a CSV (2025/1/10, 2025.1.10, 2025年1月10日). A number that is not a date cell is refused:
 * 20250110 or 45667 could mean anything.
 */
export function date(cell: Cell): Parsed<string> {
  let given: string;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad('不是有效的日期。', 'Not a valid date.');
    given = cell.toISOString().slice(0, 10);
  } else if (typeof cell === 'string') {
    const t = cell.trim();
    const m = DATE_FORMS.map((f) => f.exec(t)).find(Boolean);
    given = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : t;
  } else {
    return bad(`${cellText(cell)} 不是日期：请填写 YYYY-MM-DD 格式的日期（如 2025-01-10），或 Excel 日期。`, `${cellText(cell)} is not a date: write YYYY-MM-DD (e.g. 2025-01-10), or an Excel date.`);
  }
  try {
    return ok(DateScalar.parseValue(given) as string);
  } catch (err) {
    return bad(`${given} 不是有效的日期：请填写 YYYY-MM-DD 格式的日期（如 2025-01-10）。`, (err as Error).message);
  }
}

/**
 * An amount of money in yuan, as a number or as text. A number is read as Excel shows it (15 significant digits), so
 * that 0.1 + 0.2 typed as a formula is 0.30, not 0.30000000000000004; text may carry thousands separators and a ¥
 * sign. Then it is a `Decimal` as the API takes it: at most two decimal places, nothing rounded.
 */
export function money(cell: Cell): Parsed<string> {
  let given: string;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return bad('不是金额。', 'Not an amount.');
    given = String(Number(cell.toPrecision(15)));
  } else if (typeof cell === 'string') {
    given = cell.trim().replace(/^[¥￥]/, '').replace(/[,，\s]/g, '');
  } else {
    return bad('不是金额：请填写数字，如 1234.50。', 'Not an amount: write a number such as 1234.50.');
  }
  try {
    return ok(DecimalScalar.parseValue(given) as string);
  } catch (err) {
    return bad(`${cellText(cell)} 不是有效的金额：请填写最多两位小数的数字，如 1234.50。`, (err as Error).message);
  }
}

/** A whole number, as a number or as text (the service checks its range). */
export function integer(cell: Cell): Parsed<number> {
  const n = typeof cell === 'number' ? cell : typeof cell === 'string' && /^-?\d{1,15}$/.test(cell.trim().replace(/[,，]/g, '')) ? Number(cell.trim().replace(/[,，]/g, '')) : NaN;
  if (!Number.isSafeInteger(n)) return bad(`${cellText(cell)} 不是整数。`, `${cellText(cell)} is not a whole number.`);
  return ok(n);
}

const YES = new Set(['是', 'true', 'y', 'yes']);
const NO = new Set(['否', 'false', 'n', 'no']);

/** Yes or no: 是/否 (or true/false, as Excel writes a boolean cell). */
export function yesNo(cell: Cell): Parsed<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  const t = cellText(cell).toLowerCase();
  if (YES.has(t)) return ok(true);
  if (NO.has(t)) return ok(false);
  return bad(`${cellText(cell)} 不是“是”或“否”。`, `${cellText(cell)} is neither 是 (yes) nor 否 (no).`);
}

/** The values of an enum a column accepts: each by its Chinese label (and aliases) or its API name. */
export interface Vocabulary<E extends string> {
  labels: Record<E, string>;
  aliases?: Partial<Record<string, E>>;
}

const readers = new WeakMap<Vocabulary<string>, (cell: Cell) => Parsed<string>>();

/** One value of an enum, by its Chinese label, an alias, or its API name (any case). Made once per vocabulary. */
export function oneOf<E extends string>(vocabulary: Vocabulary<E>): (cell: Cell) => Parsed<E> {
  const made = readers.get(vocabulary);
  if (made) return made as (cell: Cell) => Parsed<E>;
  const reader = readerOf(vocabulary);
  readers.set(vocabulary, reader);
  return reader;
}

function readerOf<E extends string>(vocabulary: Vocabulary<E>): (cell: Cell) => Parsed<E> {
  const byWord = new Map<string, E>();
  for (const [value, label] of Object.entries(vocabulary.labels) as [E, string][]) {
    byWord.set(value.toLowerCase(), value);
    byWord.set(label.toLowerCase(), value);
  }
  for (const [alias, value] of Object.entries(vocabulary.aliases ?? {})) byWord.set(alias.toLowerCase(), value as E);
  return (cell: Cell): Parsed<E> => {
    const found = byWord.get(cellText(cell).toLowerCase());
    if (found) return ok(found);
    const allowed = Object.values(vocabulary.labels).join('、');
    return bad(`“${cellText(cell)}”不是可填写的值，应为：${allowed}。`, `"${cellText(cell)}" is not one of the allowed values: ${Object.keys(vocabulary.labels).join(', ')}.`);
  };
}

/** Several values of an enum in one cell, separated by 、，, ; or spaces. */
export function someOf<E extends string>(vocabulary: Vocabulary<E>) {
  const one = oneOf(vocabulary);
  return (cell: Cell): Parsed<E[]> => {
    const values: E[] = [];
    for (const part of cellText(cell).split(/[、，,；;\s]+/).filter(Boolean)) {
      const parsed = one(part);
      if ('problem' in parsed) return parsed;
      values.push(parsed.value);
    }
    return ok(values);
  };
}
