import type { Page } from '../page';
import { ClientsPage } from './ClientsPage';
import { EligibilityPage } from './EligibilityPage';
import { ExpiringPage } from './ExpiringPage';

/** The pages of this role, its home first. */
export const bankPages: Page[] = [
  { path: '/clients', title: ['我的客户', 'My clients'], component: ClientsPage, nav: true },
  { path: '/eligibility', title: ['批量资格查询', 'Batch eligibility check'], component: EligibilityPage, nav: true },
  { path: '/expiring', title: ['即将到期的授权', 'Authorizations about to end'], component: ExpiringPage, nav: true },
];
