import { registerEnumType } from 'type-graphql';

/** A language prose in the API may be asked in: Chinese, the zone's working language, or English. */
export enum Language {
  CHINESE = 'CHINESE',
  ENGLISH = 'ENGLISH',
}
registerEnumType(Language, {
  name: 'Language',
  description: 'A language of prose the API writes (explanations, not names): Chinese (中文), the zone’s working language, or English.',
  valuesConfig: {
    CHINESE: { description: 'Simplified Chinese (简体中文).' },
    ENGLISH: { description: 'English (英文).' },
  },
});
