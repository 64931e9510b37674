import { registerEnumType } from 'type-graphql';

/** The roles of DOMAIN.md "Who uses it". */
export enum Role {
  ZONE_ADMIN = 'ZONE_ADMIN',
  CPPCC_MEMBER = 'CPPCC_MEMBER',
  CPPCC_OFFICE = 'CPPCC_OFFICE',
  HANDLING_UNIT = 'HANDLING_UNIT',
  BANK_OFFICER = 'BANK_OFFICER',
  ENTERPRISE_REP = 'ENTERPRISE_REP',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a token holder does in the zone.',
  valuesConfig: {
    ZONE_ADMIN: { description: 'Zone management committee staff: maintain the registry, query portfolios.' },
    CPPCC_MEMBER: { description: 'A CPPCC member: drafts proposals backed by registry evidence, follows them.' },
    CPPCC_OFFICE: { description: 'The CPPCC proposals office: reviews, assigns, chases, evaluates.' },
    HANDLING_UNIT: { description: 'A government department or ministry replying to proposals assigned to it.' },
    BANK_OFFICER: { description: 'A partner bank: checks eligibility of enterprises that authorised it.' },
    ENTERPRISE_REP: { description: "An enterprise's own representative." },
  },
});

export const ROLES: readonly Role[] = Object.values(Role);

/** Roles whose token must name the organisation it acts for. */
export const ROLES_WITH_ORG: ReadonlySet<Role> = new Set([
  Role.BANK_OFFICER,
  Role.ENTERPRISE_REP,
  Role.CPPCC_MEMBER,
  Role.HANDLING_UNIT,
]);
