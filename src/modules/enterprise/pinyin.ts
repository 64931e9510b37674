import { pinyin } from 'pinyin-pro';

/** A text's pinyin, toneless, lower case, Latin letters and digits only: in full, and by initials. */
function spell(text: string): [full: string, initials: string] {
  const keep = (parts: string[]) => parts.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
  return [
    keep(pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })),
    keep(pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })),
  ];
}

/**
 * What pinyin search matches a Chinese name against: its full pinyin and its initials, toneless, lower case, without
 * spaces, separated by one space (华工科技 → "huagongkeji hgkj"). pinyin-pro reads words, not characters, so a
 * polyphone is read as the word has it (银行 yinhang, 重庆 chongqing); Latin letters and digits are kept as they are.
 */
export function namePinyin(name: string): string {
  const [full, initials] = spell(name);
  return `${full} ${initials}`;
}

/** Spellings of the words synthetic names are made of (a few hundred): reading a name costs ~0.2 ms, a word once. */
const spelledWords = new Map<string, [string, string]>();

/**
 * `namePinyin` of a name made of words (the seeds' synthetic enterprises: place, two syllables, trade, legal form),
 * each word spelled once and remembered, so a zone of 100k enterprises is spelled in milliseconds rather than half a
 * minute. A word is read on its own, which is how these names read.
 */
export function namePinyinOfWords(words: readonly string[]): string {
  let full = '';
  let initials = '';
  for (const word of words) {
    let spelled = spelledWords.get(word);
    if (!spelled) {
      if (spelledWords.size > 10_000) spelledWords.clear();
      spelled = spell(word);
      spelledWords.set(word, spelled);
    }
    full += spelled[0];
    initials += spelled[1];
  }
  return `${full} ${initials}`;
}

/** A search text that may be pinyin: Latin letters (spaces between syllables ignored), else null. */
export function pinyinQuery(search: string): string | null {
  const letters = search.replace(/\s+/g, '').toLowerCase();
  return /^[a-z]+$/.test(letters) ? letters : null;
}
