/**
 * The Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character alphabet
 * (no I O S V Z); the 18th is a check character over the first 17.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type CreditCodeCheck =
  | { ok: true; code: string }
  | { ok: false; reason: 'FORMAT'; message: string; chinese: string }
  | { ok: false; reason: 'CHECK_CHARACTER'; code: string; expected: string; message: string; chinese: string };

/** The check character for the first 17 characters of a code. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * Checks a code (upper-cased, surrounding spaces ignored). A bad format is an error; a bad check character is
 * reported apart, since some early, legally issued codes fail it and an administrator may override.
 */
export function checkCreditCode(input: string): CreditCodeCheck {
  const code = input.trim().toUpperCase();
  if (!FORMAT.test(code)) {
    return {
      ok: false,
      reason: 'FORMAT',
      message:
        `${JSON.stringify(input)} is not a Unified Social Credit Code: 18 characters, digits and capital letters ` +
        'except I, O, S, V, Z, with a 6-digit division code in positions 3–8.',
      chinese: `${JSON.stringify(input)} 不是统一社会信用代码：应为 18 位数字或大写字母（不含 I、O、S、V、Z），第 3–8 位为 6 位行政区划码。`,
    };
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) {
    return {
      ok: false,
      reason: 'CHECK_CHARACTER',
      code,
      expected,
      message: `The check character of ${code} should be ${expected}, not ${code[17]}.`,
      chinese: `${code} 的校验码应为 ${expected}，而不是 ${code[17]}。`,
    };
  }
  return { ok: true, code };
}
