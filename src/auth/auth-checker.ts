import type { AuthCheckerFn } from 'type-graphql';
import { createParameterDecorator } from 'type-graphql';
import type { RequestContext } from '../context';
import { forbidden, unauthenticated } from '../common/errors';
import { AuditOutcome } from '../modules/audit/audit.entity';
import { recordAudit } from '../modules/audit/audit.service';
import type { Role } from './roles';

/**
 * type-graphql's single gate for `@Authorized(...roles)`: no viewer is UNAUTHENTICATED, a role not listed is
 * FORBIDDEN. Thrown as coded errors so clients can tell the two apart.
 */
export const authChecker: AuthCheckerFn<RequestContext, Role> = async ({ context, info }, roles) => {
  if (!context.viewer) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.viewer.role)) {
    // A mutation refused for the role is an audited attempt too (reads are audited where the policy says so).
    if (info.parentType.name === 'Mutation') {
      await recordAudit(context.em.fork(), context.viewer, {
        operation: info.fieldName,
        outcome: AuditOutcome.DENIED,
        details: { error: 'FORBIDDEN' },
      });
    }
    throw forbidden(`This needs one of the roles ${roles.join(', ')}; your token is ${context.viewer.role}.`);
  }
  return true;
};

/** Injects the request's viewer (null without a token). */
export function CurrentViewer() {
  return createParameterDecorator<RequestContext>(({ context }) => context.viewer);
}
