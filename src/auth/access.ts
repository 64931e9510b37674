import { Reference } from '@mikro-orm/core';
import { recipientOfViewer } from '../events/recipients';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { fromGlobalId } from '../common/global-id';
import { sqlArray } from '../common/sql';
import { AuditOutcome } from '../modules/audit/audit.entity';
import { type AuditRecord, recordAudits } from '../modules/audit/audit.service';
import { zoneToday } from '../clock';
import { Condition, fieldGrant, type Grant, managesAccountsOf, type OwnerRule, shownAsType, TYPES, VOIDED_READERS } from './policy';
import { Role } from './roles';
import type { Viewer } from './viewer';
import { readRows, readWhereIn } from '../db/read-objects';

/** Roles that see every enterprise of the zone (what they see of each is up to the field rules). */
const SEE_ALL: ReadonlySet<Role> = new Set([Role.ZONE_ADMIN, Role.CPPCC_MEMBER, Role.CPPCC_OFFICE, Role.HANDLING_UNIT]);

/** An active authorisation a bank holds from one enterprise (several are merged: scopes add up). */
export interface BankGrant {
  /** The newest active authorisation: what a read is recorded under. */
  authorizationId: string;
  purpose: string;
  scopes: ReadonlySet<string>;
  /** For each scope, the newest active authorisation that grants it (what a check needing it is recorded under). */
  byScope: ReadonlyMap<string, { authorizationId: string; purpose: string }>;
}

interface Visibility {
  /** null: every enterprise. */
  enterpriseIds: ReadonlySet<string> | null;
  /** The bank officer's active authorisations, by enterprise id. */
  grants: ReadonlyMap<string, BankGrant>;
  bankId: string | null;
}

const idOf = (value: unknown): string | null => {
  if (value == null) return null;
  if (typeof value === 'string') return value;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
};

/**
 * The policy applied to one request's viewer: which enterprises it sees (loaded once, on first use, so a
 * revocation or an expiry counts from the very next request), whether it sees an object or a field, and the
 * bank reads to put on the audit trail. Built with the request context; never shared.
 */
export class Access {
  private visibility?: Promise<Visibility>;
  private readonly owners = new WeakMap<object, Promise<string[]>>();
  private readonly ownerLoaders = new Map<string, DataLoader<string, string[]>>();
  /** Enterprise id → the operations (root fields) in which a bank saw its data. */
  private readonly reads = new Map<string, Set<string>>();
  /** Other events of a bank's request (its eligibility checks), written with its reads. */
  private readonly events: AuditRecord[] = [];

  constructor(
    private readonly em: EntityManager,
    readonly viewer: Viewer | null,
    /** The record of `type` with this id when the request has already read it (Loaders.loaded), else undefined. */
    private readonly loaded: (type: string, id: string) => object | undefined = () => undefined,
  ) {}

  private get role(): Role | null {
    return this.viewer?.role ?? null;
  }

  /** Does the viewer see every enterprise (field rules aside)? */
  get seesEveryEnterprise(): boolean {
    return this.role !== null && SEE_ALL.has(this.role);
  }

  /**
   * The enterprises the viewer sees, for queries to restrict themselves to: null means every one. A bank's are
   * those holding an active authorisation for it today; a representative's, its own.
   */
  async visibleEnterpriseIds(): Promise<ReadonlySet<string> | null> {
    return (await this.load()).enterpriseIds;
  }

  /** The bank officer's active authorisations by enterprise id (empty for other roles). */
  async bankGrants(): Promise<ReadonlyMap<string, BankGrant>> {
    return (await this.load()).grants;
  }

  /**
   * The enterprises whose data under `scope` the viewer may see: null means no limit beyond visibility (every role
   * but a bank); for a bank, those whose active authorisations include the scope.
   */
  async enterprisesWithScope(scope: string): Promise<ReadonlySet<string> | null> {
    if (this.role !== Role.BANK_OFFICER) return null;
    const grants = await this.bankGrants();
    return new Set([...grants].filter(([, g]) => g.scopes.has(scope)).map(([id]) => id));
  }

  /** May the viewer change this enterprise's data? Administrators any; a representative its own. */
  mayWrite(creditCode: string): boolean {
    const v = this.viewer;
    return v?.role === Role.ZONE_ADMIN || (v?.role === Role.ENTERPRISE_REP && v.organisation === creditCode);
  }

  /** May the viewer read a voided record, by id (policy.ts VOIDED_READERS)? Lists leave voided records out for everyone. */
  get seesVoided(): boolean {
    return this.role !== null && VOIDED_READERS[this.role] === true;
  }

  /** Does the viewer see every object of this type in full, whatever it is (no row rule to evaluate)? */
  seesAllRowsOf(type: string): boolean {
    const role = this.role;
    const rule = TYPES[type];
    // A type without a row rule is never screened: everyone sees all of it.
    if (!rule || rule.public) return true;
    if (role === null || rule.rows[role] !== true || shownAsType(rule)[role] !== true) return false;
    // Granted outright: all of it, unless its objects belong to enterprises (or proposals) the viewer may not see.
    return !rule.owners || this.seesEveryEnterprise;
  }

  /**
   * Is this object, whose row the viewer sees, shown to it only in its type's restricted form (`TypeRule.restricted`:
   * a bank's view of another lender's instrument)?
   */
  async seesOnlyRestricted(type: string, obj: object): Promise<boolean> {
    const rule = TYPES[type];
    const role = this.role;
    if (!rule?.restricted || !role) return false;
    const full = rule.restricted.full[role];
    if (full === undefined) return true;
    if (full === true) return false;
    return !(await this.holds(full, obj, rule.owners ? await this.visibleOwners(type, obj) : []));
  }

  /** May the viewer see this object of GraphQL type `type` (its row rule)? Types without a rule: yes. */
  async seesObject(type: string, obj: object, operation: string): Promise<boolean> {
    const rule = TYPES[type];
    if (!rule || rule.public) return true;
    const role = this.role;
    const grant = role ? rule.rows[role] : undefined;
    if (!grant) return false;
    if (rule.owners && 'proposal' in rule.owners) {
      // A step, reply or piece of evidence is seen exactly when its proposal is.
      const proposal = await this.proposalOf((obj as Record<string, unknown>)[rule.owners.proposal]);
      if (proposal === null || !(await this.seesObject('Proposal', proposal, operation))) return false;
      if (grant !== Condition.LEADS_OR_WROTE) return true;
      const unit = this.actingFor('HandlingUnit');
      const leads = ((proposal as Record<string, unknown>)['leadUnitIds'] as string[] | undefined) ?? [];
      return unit !== null && (leads.includes(unit) || idOf((obj as Record<string, unknown>)['unit']) === unit);
    }
    if (this.seesEveryEnterprise) return this.holds(grant, obj, []);
    const owners = rule.owners ? await this.visibleOwners(type, obj) : null;
    // Tied to enterprises, none of them visible: the object does not exist for this viewer.
    if (owners !== null && owners.length === 0) return false;
    const visible = await this.holds(grant, obj, owners ?? []);
    if (visible && role === Role.BANK_OFFICER) {
      const shown = owners ?? (rule.readOf ? [idOf((obj as Record<string, unknown>)[rule.readOf])].filter((id): id is string => !!id) : []);
      this.noteRead(shown, operation);
    }
    return visible;
  }

  /**
   * Does the viewer see field `field` of every object of `type` it sees, with no condition to evaluate per object?
   * Reads ahead (src/db/read-plan.ts) follow only such fields: what a field shows under a condition is read when
   * the condition holds, for the objects it holds for, as its resolver reads it.
   */
  seesFieldWherever(type: string, field: string): boolean {
    const rule = TYPES[type];
    if (!rule || rule.public) return true;
    const role = this.role;
    if (!role) return false;
    const grant = fieldGrant(type, field, role);
    // Under the row's own condition: wherever the row is seen. (Not the condition of a type's full form: a row seen
    // restricted shows none of the full form's fields, and they are not read for it.)
    return grant === true || (grant !== undefined && grant === rule.rows[role]);
  }

  /** May the viewer see field `field` of this object (which it sees)? */
  async seesField(type: string, field: string, obj: object): Promise<boolean> {
    if (TYPES[type]?.public) return true;
    const role = this.role;
    if (!role) return false;
    const grant = fieldGrant(type, field, role);
    if (!grant) return false;
    if (grant === true) return true;
    return this.holds(grant, obj, TYPES[type]?.owners ? await this.visibleOwners(type, obj) : []);
  }

  private async holds(grant: Grant, obj: object, owners: string[]): Promise<boolean> {
    if (grant === true) return true;
    const record = obj as Record<string, unknown>;
    switch (grant) {
      case Condition.SUBMITTED:
        // Past its draft: submitted once (a draft withdrawn before submission stays its proposers').
        return record['submittedAt'] != null;
      case Condition.ASSIGNED_TO_UNIT: {
        const unit = this.actingFor('HandlingUnit');
        return unit !== null && ((record['leadUnitIds'] as string[]).includes(unit) || (record['coHandlerIds'] as string[]).includes(unit));
      }
      case Condition.FILED_BY_VIEWER:
        return !!this.viewer && record['filedBy'] === `${this.viewer.role}:${this.viewer.organisation}`;
      case Condition.ISSUED_TO_VIEWER:
        return !!this.viewer?.organisation && record['viewerRole'] === this.viewer.role && record['viewerOrg'] === this.viewer.organisation;
      case Condition.MANAGED_BY_VIEWER:
        return managesAccountsOf(this.role, record['role'] as Role);
      case Condition.ADDRESSED_TO_VIEWER: {
        if (!this.viewer) return false;
        const me = recipientOfViewer(this.viewer, (type) => this.actingFor(type));
        return record['recipientRole'] === me.role && record['recipientOrg'] === me.org && (record['recipientAccount'] == null || record['recipientAccount'] === me.account);
      }
      default:
        break;
    }
    const { grants, bankId } = await this.load();
    if (grant === Condition.GRANTED_TO_VIEWER) return bankId !== null && idOf(record['bank']) === bankId;
    const scoped = (scope: string) => owners.some((o) => grants.get(o)?.scopes.has(scope));
    if (grant === Condition.OWN_LOAN) {
      if (bankId === null || !scoped(Condition.INSTRUMENTS)) return false;
      // An instrument names its lender; a holder's part is of the instrument it points at (read batched per request).
      if ('lender' in record) return idOf(record['lender']) === bankId;
      const instrument = idOf(record['instrument']);
      if (!instrument) return false;
      // Usually the loan the holders were listed under, already read in this request; else read (batched).
      const read = (this.loaded('CreditLoan', instrument) ?? this.loaded('IpPledgeLoan', instrument)) as { lender?: unknown } | undefined;
      if (read) return idOf(read.lender) === bankId;
      const lenders = await this.ownerLoader('financing_instrument', 'id', 'lender_id').load(instrument);
      return lenders.includes(bankId);
    }
    return scoped(grant);
  }

  /** The uuid of the member or handling unit the viewer acts for (its token's org is that record's global id). */
  actingFor(type: 'CppccMember' | 'HandlingUnit'): string | null {
    const org = this.viewer?.organisation;
    const parsed = org ? fromGlobalId(org) : null;
    return parsed?.type === type ? parsed.id : null;
  }

  private proposalLoader?: DataLoader<string, object | null>;

  /**
   * The proposal a workflow record belongs to: the one already in the request's identity map when its reference is
   * loaded (the usual case: it was read to reach the record), else loaded, batched over the request.
   */
  private async proposalOf(ref: unknown): Promise<object | null> {
    if (Reference.isReference(ref) && ref.isInitialized()) return ref.getEntity() as object;
    const id = idOf(ref);
    if (!id) return null;
    const read = this.loaded('Proposal', id);
    if (read) return read;
    this.proposalLoader ??= new DataLoader(async (ids) => {
      const rows = await readWhereIn<object & { id: string }>(this.em, 'Proposal', 'id', ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((i) => byId.get(i) ?? null);
    });
    return this.proposalLoader.load(id);
  }

  /** The enterprises `obj` belongs to that the viewer sees. */
  private async visibleOwners(type: string, obj: object): Promise<string[]> {
    let owners = this.owners.get(obj);
    if (!owners) {
      owners = this.ownersOf(TYPES[type]!.owners!, obj);
      this.owners.set(obj, owners);
    }
    const ids = await owners;
    const { enterpriseIds } = await this.load();
    return enterpriseIds === null ? ids : ids.filter((id) => enterpriseIds.has(id));
  }

  private async ownersOf(rule: OwnerRule, obj: object): Promise<string[]> {
    const id = (obj as { id?: string }).id;
    if ('self' in rule) return id ? [id] : [];
    if ('ref' in rule) {
      const owner = idOf((obj as Record<string, unknown>)[rule.ref]);
      return owner ? [owner] : [];
    }
    if ('instrumentHolders' in rule) return id ? this.ownerLoader('instrument_holder', 'instrument_id').load(id) : [];
    if ('projectParticipants' in rule) return id ? this.ownerLoader('project_participant', 'project_id').load(id) : [];
    if ('proposal' in rule) return [];
    // Through the object it points at: that one's owners, from the record when the request has read it (or, for
    // an entity a mutation loaded, from the identity map), else from the database (batched per request).
    const via = (obj as Record<string, unknown>)[rule.via];
    const target = idOf(via);
    if (!target) return [];
    const targetRule = TYPES[rule.type]!.owners!;
    const read = 'ref' in targetRule ? (Reference.isReference(via) && via.isInitialized() ? via.getEntity() : this.loaded(rule.type, target)) : undefined;
    if ('ref' in targetRule && read) {
      const owner = idOf((read as Record<string, unknown>)[targetRule.ref]);
      return owner ? [owner] : [];
    }
    if ('instrumentHolders' in targetRule) return this.ownerLoader('instrument_holder', 'instrument_id').load(target);
    if ('projectParticipants' in targetRule) return this.ownerLoader('project_participant', 'project_id').load(target);
    if ('ref' in targetRule) {
      const meta = this.em.getMetadata().find(rule.type)!;
      return this.ownerLoader(meta.tableName, 'id', meta.properties[targetRule.ref as never]!.fieldNames[0]!).load(target);
    }
    throw new Error(`policy: ${rule.type} cannot own through ${rule.via}`);
  }

  /** Batches `select key, enterprise from table where key = any(…)` over the request. */
  private ownerLoader(table: string, key: string, enterpriseColumn = 'enterprise_id'): DataLoader<string, string[]> {
    const name = `${table}.${key}.${enterpriseColumn}`;
    let loader = this.ownerLoaders.get(name);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = await readRows<{ k: string; e: string }>(
          this.em,
          `select ${key} as k, ${enterpriseColumn} as e from ${table} where ${key} = any(?::uuid[]) and ${enterpriseColumn} is not null`,
          [sqlArray([...ids])],
        );
        const byKey = new Map<string, string[]>(ids.map((id) => [id, []]));
        for (const r of rows) byKey.get(r.k)?.push(r.e);
        return ids.map((id) => byKey.get(id)!);
        // Owners are asked for at several depths of one answer: collect them until the next turn of the event
        // loop, so a page costs the same statements however its fields happen to resolve.
      }, { batchScheduleFn: (dispatch) => setImmediate(dispatch) });
      this.ownerLoaders.set(name, loader);
    }
    return loader;
  }

  private load(): Promise<Visibility> {
    this.visibility ??= this.loadVisibility();
    return this.visibility;
  }

  private async loadVisibility(): Promise<Visibility> {
    const v = this.viewer;
    if (!v) return { enterpriseIds: new Set(), grants: new Map(), bankId: null };
    if (SEE_ALL.has(v.role)) return { enterpriseIds: null, grants: new Map(), bankId: null };
    if (v.role === Role.ENTERPRISE_REP) {
      const rows: { id: string }[] = await this.em.execute('select id from enterprise where credit_code = ?', [v.organisation]);
      return { enterpriseIds: new Set(rows.map((r) => r.id)), grants: new Map(), bankId: null };
    }
    if (v.role === Role.BANK_OFFICER) {
      const today = zoneToday();
      const rows: { bank_id: string; id: string | null; enterprise_id: string; scopes: string[]; purpose: string }[] =
        await this.em.execute(
          `select b.id as bank_id, a.id, a.enterprise_id, a.scopes::text[] as scopes, a.purpose
           from bank b
           left join data_authorization a
             on a.bank_id = b.id and a.revoked_at is null and a.valid_from <= ? and a.valid_to >= ?
           where b.credit_code = ?
           order by a.valid_from desc, a.created_at desc, a.id`,
          [today, today, v.organisation],
        );
      const grants = new Map<string, BankGrant>();
      for (const r of rows) {
        if (!r.id) continue;
        const known = grants.get(r.enterprise_id);
        // Rows come newest first: the newest authorisation is the one recorded with a read, the newest granting a
        // scope the one recorded with a check that needs it; the scopes of all active ones add up.
        const byScope = new Map(known?.byScope ?? []);
        for (const scope of r.scopes) if (!byScope.has(scope)) byScope.set(scope, { authorizationId: r.id, purpose: r.purpose });
        grants.set(r.enterprise_id, {
          authorizationId: known?.authorizationId ?? r.id,
          purpose: known?.purpose ?? r.purpose,
          scopes: new Set([...(known?.scopes ?? []), ...r.scopes]),
          byScope,
        });
      }
      return { enterpriseIds: new Set(grants.keys()), grants, bankId: rows[0]?.bank_id ?? null };
    }
    return { enterpriseIds: new Set(), grants: new Map(), bankId: null };
  }

  /** Records that the bank saw these enterprises' data in `operation` (written when the response is sent). */
  noteRead(enterpriseIds: Iterable<string>, operation: string): void {
    if (this.role !== Role.BANK_OFFICER) return;
    for (const id of enterpriseIds) {
      let ops = this.reads.get(id);
      if (!ops) this.reads.set(id, (ops = new Set()));
      ops.add(operation);
    }
  }

  /** Records an event of a bank's request (written when the response is sent, with its reads). */
  noteAudit(record: AuditRecord): void {
    if (this.role === Role.BANK_OFFICER) this.events.push(record);
  }

  /** Appends one audit event per enterprise a bank read in this request, with its purpose and authorisation. */
  async flushReads(em: EntityManager): Promise<number> {
    if ((this.reads.size === 0 && this.events.length === 0) || !this.viewer) return 0;
    const { grants } = await this.load();
    const events: AuditRecord[] = [...this.reads].map(([enterpriseId, ops]) => ({
      operation: [...ops].sort().join(','),
      outcome: AuditOutcome.DONE,
      enterpriseId,
      purpose: grants.get(enterpriseId)?.purpose ?? null,
      authorizationId: grants.get(enterpriseId)?.authorizationId ?? null,
      details: { read: true },
    }));
    events.push(...this.events);
    this.reads.clear();
    this.events.length = 0;
    await recordAudits(em, this.viewer, events);
    return events.length;
  }
}
