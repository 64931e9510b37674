import type { AuthCheckerFn } from 'type-graphql';
import { createParameterDecorator } from 'type-graphql';
import type { RequestContext } from '../context';
import { forbidden, unauthenticated } from '../common/errors';
import { mayCall } from './policy';
import type { Role } from './roles';

/**
 * type-graphql's gate for `@Authorized()` root fields: no viewer is UNAUTHENTICATED, a role the policy (policy.ts
 * `ROOT`) does not list for the field is FORBIDDEN. Roles are never written in `@Authorized(...)`: the policy is the
 * one place that names them. applyPolicy (enforce-policy.ts) applies the same table before it, and records a refused
 * mutation on the audit trail; this one stays as the resolver's own guard.
 */
export const authChecker: AuthCheckerFn<RequestContext, Role> = async ({ context, info }, roles) => {
  if (roles.length > 0) throw new Error(`${info.parentType.name}.${info.fieldName}: roles belong in src/auth/policy.ts`);
  if (!context.viewer) throw unauthenticated();
  const parent = info.parentType.name as 'Query' | 'Mutation' | 'Subscription';
  if (!mayCall(parent, info.fieldName, context.viewer.role)) {
    throw forbidden(`A ${context.viewer.role} may not use ${info.fieldName}.`);
  }
  return true;
};

/** Injects the request's viewer (null without a token). */
export function CurrentViewer() {
  return createParameterDecorator<RequestContext>(({ context }) => context.viewer);
}
