import type { Page } from '../page';
import { ProposalPage } from '../cppcc/ProposalPage';
import { DueLists } from './DueLists';
import { ReviewQueue } from './ReviewQueue';
import { UnitScores } from './UnitScores';

/** The pages of this role, its home first. */
export const officePages: Page[] = [
  { path: '/review', title: ['提案审查', 'Review'], component: ReviewQueue, nav: true },
  { path: '/overdue', title: ['逾期与临期', 'Overdue and due soon'], component: DueLists, nav: true },
  { path: '/scores', title: ['承办单位评议', 'Unit scores'], component: UnitScores, nav: true },
  { path: '/proposals/:id', title: ['提案', 'Proposal'], component: ProposalPage, nav: false },
];
