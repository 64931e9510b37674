import { AccountPage } from './AccountPage';
import type { Page } from '../page';

export const accountPages: Page[] = [{ path: '/account', title: ['我的账户', 'My account'], component: AccountPage, nav: true }];
