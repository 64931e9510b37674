import type { Page } from '../page';
import { MyAuthorizationsPage } from './MyAuthorizationsPage';
import { MyEnterprisePage } from './MyEnterprisePage';

/** The pages of this role, its home first. */
export const repPages: Page[] = [
  { path: '/my-enterprise', title: ['本企业信息', 'My enterprise'], component: MyEnterprisePage, nav: true },
  { path: '/my-authorizations', title: ['数据授权', 'Data authorizations'], component: MyAuthorizationsPage, nav: true },
];
