import { isDeepStrictEqual } from 'node:util';

/**
 * Where two JSON values differ, one line per difference with its path (`.data.enterprises.edges[3].node.name`),
 * at most `max` lines: what the side-by-side bench prints when innozone and the baseline answer differently.
 */
export function differences(a: unknown, b: unknown, names: [string, string] = ['innozone', 'baseline'], max = 20): string[] {
  const out: string[] = [];
  const show = (v: unknown) => (v === undefined ? '(missing)' : JSON.stringify(v).slice(0, 200));
  const walk = (x: unknown, y: unknown, at: string) => {
    if (out.length >= max || isDeepStrictEqual(x, y)) return;
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) out.push(`${at || '.'}: ${names[0]} has ${x.length} items, ${names[1]} ${y.length}`);
      for (let i = 0; i < Math.min(x.length, y.length); i++) walk(x[i], y[i], `${at}[${i}]`);
      return;
    }
    const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
    if (isObject(x) && isObject(y)) {
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) walk(x[k], y[k], `${at}.${k}`);
      return;
    }
    out.push(`${at || '.'}: ${names[0]} ${show(x)}, ${names[1]} ${show(y)}`);
  };
  walk(a, b, '');
  return out.slice(0, max);
}
