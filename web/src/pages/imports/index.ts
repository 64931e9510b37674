import { ImportsPage } from './ImportsPage';
import type { Page } from '../page';

/** 数据导入: the administrator's Excel and CSV imports. */
export const importPages: Page[] = [{ path: '/imports', title: ['数据导入', 'Import'], component: ImportsPage, nav: true }];
