import type { Page } from '../../page';
import { AuditPage } from './AuditPage';
import { AuthorizationsPage } from './AuthorizationsPage';
import { OutreachPage } from './OutreachPage';
import './lists.css';

/** The administrator's lists (issue 15, item 2): outreach by program, the zone's authorizations, the audit trail. */
export const adminListPages: Page[] = [
  { path: '/outreach', title: ['政策推介名单', 'Outreach lists'], component: OutreachPage, nav: true },
  { path: '/authorizations', title: ['数据授权', 'Data authorizations'], component: AuthorizationsPage, nav: true },
  { path: '/audit', title: ['审计日志', 'Audit trail'], component: AuditPage, nav: true },
];
