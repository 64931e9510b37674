/** A text in the console's two languages: [中文, English]. Kept free of React so tests can read the tables. */
export type Pair = readonly [zh: string, en: string];
export type Language = 'zh' | 'en';
