import type { Role } from '../generated/graphql';
import { accountsPages } from './accounts';
import { adminPages } from './admin';
import { bankPages } from './bank';
import { accountPages } from './common';
import { importPages } from './imports';
import { memberPages } from './member';
import { officePages } from './office';
import { repPages } from './rep';
import { unitPages } from './unit';
import type { Page } from './page';

/** The pages each role is offered, its home first; every role also has its account page. */
export const PAGES_BY_ROLE: Record<Role, Page[]> = {
  ZONE_ADMIN: [...adminPages, ...importPages, ...accountsPages, ...accountPages],
  BANK_OFFICER: [...bankPages, ...accountPages],
  CPPCC_MEMBER: [...memberPages, ...accountPages],
  CPPCC_OFFICE: [...officePages, ...accountsPages, ...accountPages],
  HANDLING_UNIT: [...unitPages, ...accountPages],
  ENTERPRISE_REP: [...repPages, ...accountPages],
};
