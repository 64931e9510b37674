import type { Page } from '../page';
import { ProposalPage } from '../cppcc/ProposalPage';
import { CosignDrafts } from './CosignDrafts';
import { MyProposals } from './MyProposals';
import { NewProposal } from './NewProposal';
import { PolicyRequests } from './PolicyRequests';

/** The pages of this role, its home first. */
export const memberPages: Page[] = [
  { path: '/proposals', title: ['我的提案', 'My proposals'], component: MyProposals, nav: true },
  { path: '/proposals/new', title: ['起草提案', 'Draft a proposal'], component: NewProposal, nav: true },
  { path: '/proposals/:id', title: ['提案', 'Proposal'], component: ProposalPage, nav: false },
  { path: '/cosign', title: ['联名提案', 'Co-sign'], component: CosignDrafts, nav: true },
  { path: '/policy-requests', title: ['政策诉求', 'Policy requests'], component: PolicyRequests, nav: true },
];
