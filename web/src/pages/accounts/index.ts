import { AccountsPage } from './AccountsPage';
import type { Page } from '../page';

/** 账户管理, for the roles that manage accounts (administrators; the CPPCC office for members). */
export const accountsPages: Page[] = [{ path: '/accounts', title: ['账户管理', 'Accounts'], component: AccountsPage, nav: true }];
