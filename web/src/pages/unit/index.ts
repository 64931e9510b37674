import type { Page } from '../page';
import { ProposalPage } from '../cppcc/ProposalPage';
import { Inbox } from './Inbox';

/** The pages of this role, its home first. */
export const unitPages: Page[] = [
  { path: '/inbox', title: ['交办提案', 'Assigned proposals'], component: Inbox, nav: true },
  { path: '/proposals/:id', title: ['提案', 'Proposal'], component: ProposalPage, nav: false },
];
