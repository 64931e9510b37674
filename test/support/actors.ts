/**
 * Actors as the `ActorFields` fragment (schema/operations/viewer.graphql) answers them: role, display name and the
 * organization the token acted for (src/modules/viewer/actor.ts).
 */
export const ADMIN_ACTOR = { role: 'ZONE_ADMIN', name: 'Zone administration', organization: null } as const;
export const OFFICE_ACTOR = { role: 'CPPCC_OFFICE', name: 'CPPCC proposals office', organization: null } as const;

export const bankActor = (creditCode: string, name: string) =>
  ({ role: 'BANK_OFFICER', name, organization: { __typename: 'Bank', creditCode } }) as const;

export const repActor = (creditCode: string, name: string) =>
  ({ role: 'ENTERPRISE_REP', name, organization: { __typename: 'Enterprise', creditCode } }) as const;

/** A member by the global id its token names, and its name. */
export const memberActor = (id: string, name: string) => ({ role: 'CPPCC_MEMBER', name, organization: { __typename: 'CppccMember', id } }) as const;

export const unitActor = (id: string, name: string) => ({ role: 'HANDLING_UNIT', name, organization: { __typename: 'HandlingUnit', id } }) as const;
