/**
 * Exact decimals for money and shares. Values travel as strings ("1234.50") and are compared or summed as scaled
 * BigInts, never as floats.
 */
const DECIMAL = /^-?\d{1,16}(\.\d+)?$/;

/** True when `value` is a plain decimal with at most `places` decimals. */
export function isDecimal(value: string, places: number): boolean {
  if (!DECIMAL.test(value)) return false;
  const fraction = value.split('.')[1] ?? '';
  return fraction.length <= places;
}

/** `value` as a BigInt in units of 10^-scale (scale ≥ its decimals). */
export function toScaled(value: string, scale = 4): bigint {
  const negative = value.startsWith('-');
  const [whole, fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const scaled = BigInt(whole! + fraction.padEnd(scale, '0').slice(0, scale));
  return negative ? -scaled : scaled;
}

/** A scaled BigInt back to a string with exactly `places` decimals. */
export function fromScaled(value: bigint, scale = 4, places = 2): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).slice(0, places).padEnd(places, '0');
  return `${negative ? '-' : ''}${whole}${places > 0 ? `.${fraction}` : ''}`;
}

/** Normalises a decimal string to exactly `places` decimals ("12" → "12.00"). */
export function fixed(value: string, places = 2): string {
  return fromScaled(toScaled(value, Math.max(places, 8)), Math.max(places, 8), places);
}

export function compareDecimal(a: string, b: string): number {
  const d = toScaled(a, 8) - toScaled(b, 8);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export function sumDecimal(values: string[], places = 2): string {
  return fromScaled(
    values.reduce((acc, v) => acc + toScaled(v, 8), 0n),
    8,
    places,
  );
}
