/** The kinds of Chinese patent, from the 5th digit of a 12-digit application number. */
export enum PatentType {
  INVENTION = 'INVENTION',
  UTILITY_MODEL = 'UTILITY_MODEL',
  DESIGN = 'DESIGN',
}

const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
const TYPE_DIGIT: Record<string, PatentType> = {
  '1': PatentType.INVENTION,
  '2': PatentType.UTILITY_MODEL,
  '3': PatentType.DESIGN,
  // 8 and 9: PCT applications entering China (invention / utility model).
  '8': PatentType.INVENTION,
  '9': PatentType.UTILITY_MODEL,
};

export type PatentNumberCheck =
  | { ok: true; number: string; type: PatentType }
  | { ok: false; message: string };

/** The check digit of a 12-digit application number: Σ dᵢ·wᵢ mod 11, 10 written X. */
export function patentCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * WEIGHTS[i]!;
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/** Checks a patent number `ZL` + 12 digits + `.` + check digit (ZL201410012345.6). */
export function checkPatentNumber(input: string): PatentNumberCheck {
  const number = input.trim().toUpperCase();
  const m = /^ZL(\d{12})\.([0-9X])$/.exec(number);
  if (!m) {
    return { ok: false, message: `${JSON.stringify(input)} is not a patent number like ZL201410012345.6.` };
  }
  const digits = m[1]!;
  const type = TYPE_DIGIT[digits[4]!];
  if (!type) return { ok: false, message: `${number}: the 5th digit ${digits[4]} names no patent type.` };
  const expected = patentCheckDigit(digits);
  if (m[2] !== expected) {
    return { ok: false, message: `The check digit of ${number} should be ${expected}, not ${m[2]}.` };
  }
  return { ok: true, number, type };
}
