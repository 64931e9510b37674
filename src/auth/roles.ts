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
  description: 'What a token holder does in the zone; a token carries one role, and for most roles the organization it acts for.',
  valuesConfig: {
    ZONE_ADMIN: {
      description:
        'Zone management committee staff (管委会): maintain the registry, record paper authorizations and instruments, query ' +
        'portfolios and aggregates across the zone. Acts for no organization.',
    },
    CPPCC_MEMBER: {
      description:
        'A member of the city CPPCC (政协委员): drafts policy requests into proposals backed by registry evidence, co-signs, ' +
        'follows and escalates them. Acts for its own CppccMember record.',
    },
    CPPCC_OFFICE: {
      description:
        'The CPPCC proposals committee office (提案委员会办公室): reviews (立案), assigns handling units, chases deadlines, runs ' +
        'evaluations. Acts for no organization.',
    },
    HANDLING_UNIT: {
      description: 'A government department or ministry (承办单位) replying to proposals assigned to it. Acts for its HandlingUnit.',
    },
    BANK_OFFICER: {
      description:
        'An officer of a partner bank or its tech sub-branch (科技支行): checks pilot eligibility of enterprises that authorized ' +
        'the bank, reads its own loan book. Acts for its Bank.',
    },
    ENTERPRISE_REP: {
      description:
        "An enterprise's own representative: keeps its data current, grants and revokes data authorizations to banks, files " +
        'policy requests. Acts for its Enterprise.',
    },
  },
});

export const ROLES: readonly Role[] = Object.values(Role);

/** Roles whose token must name the organization it acts for. */
export const ROLES_WITH_ORG: ReadonlySet<Role> = new Set([
  Role.BANK_OFFICER,
  Role.ENTERPRISE_REP,
  Role.CPPCC_MEMBER,
  Role.HANDLING_UNIT,
]);
