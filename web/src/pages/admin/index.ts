import { DashboardPage } from './DashboardPage';
import { EnterprisePage } from './EnterprisePage';
import { EnterprisesPage } from './EnterprisesPage';
import type { Page } from '../page';
import { adminListPages } from './lists';

/** The pages of this role, its home first: the dashboard, the enterprise list and an enterprise's page, then the lists (outreach, authorizations, audit). */
export const adminPages: Page[] = [
  { path: '/dashboard', title: ['区域概览', 'Zone portfolio'], component: DashboardPage, nav: true },
  { path: '/enterprises', title: ['企业名录', 'Enterprises'], component: EnterprisesPage, nav: true },
  { path: '/enterprises/:creditCode', title: ['企业详情', 'Enterprise'], component: EnterprisePage, nav: false },
  ...adminListPages,
];
