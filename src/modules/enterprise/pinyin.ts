import { pinyin } from 'pinyin-pro';

/**
 * What pinyin search matches a Chinese name against: its full pinyin and its initials, toneless, lower case, without
 * spaces, separated by one space (华工科技 → "huagongkeji hgkj"). pinyin-pro reads words, not characters, so a
 * polyphone is read as the word has it (银行 yinhang, 重庆 chongqing); Latin letters and digits are kept as they are.
 */
export function namePinyin(name: string): string {
  const keep = (parts: string[]) => parts.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
  const full = keep(pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }));
  const initials = keep(pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }));
  return `${full} ${initials}`;
}

/** A search text that may be pinyin: Latin letters (spaces between syllables ignored), else null. */
export function pinyinQuery(search: string): string | null {
  const letters = search.replace(/\s+/g, '').toLowerCase();
  return /^[a-z]+$/.test(letters) ? letters : null;
}
