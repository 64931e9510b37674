import type { RequestContext } from '../../context';
import { NotFoundError, notPermitted, Problems } from '../../common/mutation-errors';
import { Role } from '../../auth/roles';
import { flushOutcome, type Outcome, refused } from '../../common/outcome';
import { dateOrder, idOf, optionalText, positiveAmount, requiredText } from '../../common/validate';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Institution } from '../institution/institution.entity';
import { Patent } from '../ip/patent.entity';
import type { RecordResearchProjectInput } from './project.inputs';
import {
  ParticipantRole,
  ProjectBudgetLine,
  ProjectOutput,
  ProjectOutputKind,
  ProjectParticipant,
  ResearchProject,
} from './project.entity';

/** Records an industry–university–research project with its participants, budget and outputs, all or nothing. */
export async function recordResearchProject(ctx: RequestContext, input: RecordResearchProjectInput): Promise<Outcome<ResearchProject>> {
  const problems = new Problems();
  const title = requiredText(problems, 'input.title', input.title, 300);
  const platform = optionalText(problems, 'input.platform', input.platform, 300);
  dateOrder(problems, 'input.endsOn', input.startsOn, input.endsOn);

  const codes = input.participants.flatMap((p) => (p.creditCode ? [p.creditCode] : []));
  // A representative records projects of its own enterprise with institutions; a project naming other enterprises
  // would write into their profiles, so the zone records those.
  if (ctx.viewer!.role !== Role.ZONE_ADMIN && (codes.length === 0 || !codes.every((c) => ctx.access.mayWrite(c)))) {
    return refused([notPermitted('input.participants', 'A representative records projects of its own enterprise (with institutions) only.')]);
  }
  const enterprises = new Map((await ctx.em.find(Enterprise, { creditCode: { $in: codes } })).map((e) => [e.creditCode, e]));
  const institutionIds = input.participants.map((p, i) =>
    p.institutionId ? idOf(problems, `input.participants.${i}.institutionId`, p.institutionId, 'Institution') : undefined,
  );
  const institutions = new Map(
    (await ctx.em.find(Institution, { id: { $in: institutionIds.filter((x): x is string => !!x) } })).map((x) => [x.id, x]),
  );
  const seen = new Set<string>();
  input.participants.forEach((p, i) => {
    const field = `input.participants.${i}`;
    if (!!p.creditCode === !!p.institutionId) {
      problems.invalid(field, 'A participant is either an enterprise (creditCode) or an institution (institutionId).');
      return;
    }
    if (p.creditCode && !enterprises.has(p.creditCode)) {
      problems.add(new NotFoundError(`${field}.creditCode`, `No enterprise with credit code ${p.creditCode} is registered.`));
    }
    const instId = institutionIds[i];
    if (instId && !institutions.has(instId)) problems.add(new NotFoundError(`${field}.institutionId`, 'No such institution.'));
    const key = p.creditCode ?? instId ?? '';
    if (seen.has(key)) problems.invalid(field, 'The same participant is named twice.');
    seen.add(key);
  });
  if (!input.participants.some((p) => p.creditCode)) {
    problems.invalid('input.participants', 'A 产学研 project needs at least one enterprise.');
  }
  if (!input.participants.some((p) => p.institutionId)) {
    problems.invalid('input.participants', 'A 产学研 project needs at least one university or research institute.');
  }
  if (input.participants.filter((p) => p.role === ParticipantRole.LEAD_RESEARCH_INSTITUTION && p.creditCode).length) {
    problems.invalid('input.participants', 'The lead research institution must be a university or institute.');
  }
  input.budget.forEach((b, i) => positiveAmount(problems, `input.budget.${i}.amount`, b.amount));
  const patentNumbers = input.outputs.flatMap((o) => (o.patentNumber ? [o.patentNumber.trim().toUpperCase()] : []));
  const patents = new Map((await ctx.em.find(Patent, { number: { $in: patentNumbers } })).map((p) => [p.number, p]));
  input.outputs.forEach((o, i) => {
    requiredText(problems, `input.outputs.${i}.title`, o.title, 300);
    if (o.kind === ProjectOutputKind.PATENT && !o.patentNumber) {
      problems.invalid(`input.outputs.${i}.patentNumber`, 'A patent output names its patent.');
    }
    if (o.patentNumber && !patents.has(o.patentNumber.trim().toUpperCase())) {
      problems.add(new NotFoundError(`input.outputs.${i}.patentNumber`, `Patent ${o.patentNumber} is not registered.`));
    }
  });
  if (problems.any) return refused(problems.list);

  const project = ctx.em.create(ResearchProject, {
    title: title!,
    status: input.status,
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
    platform,
    isUnderDisposalRightsPilot: input.isUnderDisposalRightsPilot,
  } as never);
  input.participants.forEach((p, i) =>
    ctx.em.create(ProjectParticipant, {
      project,
      enterprise: p.creditCode ? enterprises.get(p.creditCode)! : null,
      institution: institutionIds[i] ? institutions.get(institutionIds[i]!)! : null,
      role: p.role,
    } as never),
  );
  input.budget.forEach((b) => ctx.em.create(ProjectBudgetLine, { project, source: b.source, amount: b.amount } as never));
  input.outputs.forEach((o) =>
    ctx.em.create(ProjectOutput, {
      project,
      kind: o.kind,
      title: o.title.trim(),
      patent: o.patentNumber ? patents.get(o.patentNumber.trim().toUpperCase())! : null,
    } as never),
  );
  return flushOutcome(ctx, project);
}
