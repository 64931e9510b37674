import type { AuthCheckerFn } from 'type-graphql';
import { createParameterDecorator } from 'type-graphql';
import type { RequestContext } from '../context';
import { forbidden, unauthenticated } from '../common/errors';
import { AuditOutcome } from '../modules/audit/audit.entity';
import { recordAudit } from '../modules/audit/audit.service';
import { mayCall } from './policy';
import type { Role } from './roles';

/**
 * type-graphql's single gate for `@Authorized()` root fields: no viewer is UNAUTHENTICATED, a role the policy
 * (policy.ts `ROOT`) does not list for the field is FORBIDDEN. Thrown as coded errors so clients can tell the two
 * apart. Roles are never written in `@Authorized(...)`: the policy is the one place that names them.
 */
export const authChecker: AuthCheckerFn<RequestContext, Role> = async ({ context, info }, roles) => {
  if (roles.length > 0) throw new Error(`${info.parentType.name}.${info.fieldName}: roles belong in src/auth/policy.ts`);
  if (!context.viewer) throw unauthenticated();
  const parent = info.parentType.name as 'Query' | 'Mutation';
  if (!mayCall(parent, info.fieldName, context.viewer.role)) {
    // A mutation refused for the role is an audited attempt too (reads are audited where the policy says so).
    if (info.parentType.name === 'Mutation') {
      await recordAudit(context.em.fork(), context.viewer, {
        operation: info.fieldName,
        outcome: AuditOutcome.DENIED,
        details: { error: 'FORBIDDEN' },
      });
    }
    throw forbidden(`A ${context.viewer.role} may not use ${info.fieldName}.`);
  }
  return true;
};

/** Injects the request's viewer (null without a token). */
export function CurrentViewer() {
  return createParameterDecorator<RequestContext>(({ context }) => context.viewer);
}
