import { compareDecimal } from './decimal';
import { fromGlobalId } from './global-id';
import type { Problems } from './mutation-errors';

/**
 * Small checks shared by the registry's services; each records a problem under the input field it concerns, in
 * English and in Chinese (the Chinese says it of the value, since an import names the column beside it).
 */

/** Trimmed text, required and at most `max` characters; undefined (and a problem) when it is not. */
export function requiredText(problems: Problems, field: string, value: string | null | undefined, max = 200): string | undefined {
  const text = value?.trim() ?? '';
  if (!text) {
    problems.invalid(field, `${field} must not be empty.`, '不能为空。');
    return undefined;
  }
  if ([...text].length > max) {
    problems.invalid(field, `${field} must be at most ${max} characters.`, `不能超过 ${max} 个字符。`);
    return undefined;
  }
  return text;
}

/** Like requiredText, but empty means null. */
export function optionalText(problems: Problems, field: string, value: string | null | undefined, max = 200): string | null {
  const text = value?.trim() ?? '';
  if (!text) return null;
  if ([...text].length > max) {
    problems.invalid(field, `${field} must be at most ${max} characters.`, `不能超过 ${max} 个字符。`);
    return null;
  }
  return text;
}

export function positiveAmount(problems: Problems, field: string, value: string | null | undefined): void {
  if (value != null && compareDecimal(value, '0') <= 0) problems.invalid(field, `${field} must be more than 0.`, '须大于 0。');
}

export function nonNegativeAmount(problems: Problems, field: string, value: string | null | undefined): void {
  if (value != null && compareDecimal(value, '0') < 0) problems.invalid(field, `${field} must not be negative.`, '不能为负数。');
}

/** A percentage in (0, 100] (or [0, 100] when zero is allowed). */
export function percent(problems: Problems, field: string, value: string | null | undefined, allowZero = false): void {
  if (value == null) return;
  const low = compareDecimal(value, '0');
  if (low < 0 || (!allowZero && low === 0) || compareDecimal(value, '100') > 0) {
    problems.invalid(field, `${field} must be a percentage ${allowZero ? 'from 0' : 'above 0'} up to 100.`, allowZero ? '须为 0 至 100 的百分比。' : '须为大于 0、不超过 100 的百分比。');
  }
}

/** An end date not before its start. */
export function dateOrder(problems: Problems, endField: string, start: string | null | undefined, end: string | null | undefined): void {
  if (start && end && end < start) problems.invalid(endField, `${endField} (${end}) is before the start (${start}).`, `${end} 早于开始日期 ${start}。`);
}

export function notInFuture(problems: Problems, field: string, date: string | null | undefined, today: string): void {
  if (date && date > today) problems.invalid(field, `${field} (${date}) is in the future.`, `${date} 晚于今天（${today}）。`);
}

export function wholeNumber(problems: Problems, field: string, value: number | null | undefined, min: number, max: number): void {
  if (value != null && (!Number.isInteger(value) || value < min || value > max)) {
    problems.invalid(field, `${field} must be a whole number from ${min} to ${max}.`, `须为 ${min} 至 ${max} 之间的整数。`);
  }
}

/** The uuid behind a global id of `type`, or undefined (and a problem) when the id is not one. */
export function idOf(problems: Problems, field: string, globalId: string, type: string | string[]): string | undefined {
  const parsed = fromGlobalId(globalId);
  const types = Array.isArray(type) ? type : [type];
  if (!parsed || !types.includes(parsed.type)) {
    problems.invalid(field, `${field} is not the id of a ${types.join(' or ')}.`, '不是有效的编号。');
    return undefined;
  }
  return parsed.id;
}
