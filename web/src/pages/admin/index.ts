import type { Page } from '../page';
import { adminListPages } from './lists';

/** The pages of this role, its home first. */
export const adminPages: Page[] = [...adminListPages];
