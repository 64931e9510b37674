import type { Page } from '../page';

/** The pages of this role, its home first. */
export const repPages: Page[] = [];
