import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { request } from '../../../api';
import { DataTable, type Column } from '../../../components/DataTable';
import { SelectField, TextField } from '../../../components/Field';
import { Pager } from '../../../components/Pager';
import { Loaded } from '../../../components/Status';
import { AdminAuditEventsDocument, type AdminAuditEventsQuery, type AuditEventFilter, type AuditOutcome, type Role } from '../../../generated/graphql';
import { messages, pick, useFormat, useLanguage } from '../../../i18n';
import { useEnumOptions, useLabel } from '../../../labels';
import { EnterprisePicker, pickedCode } from './EnterprisePicker';
import { useActorDescription, useActorName } from './actors';
import { FIELD_LABELS } from './fieldNames';
import { OPERATION_LABELS } from './operations';
import { PAGE_SIZE, useForwardCursor } from './paging';
import { addDays, startOfZoneDay } from './zoneDates';

const useText = messages({
  title: ['审计日志', 'Audit trail'],
  intro: [
    '每一次写操作、每一次银行读取与授权变更都记录在案，只可追加，哈希链防篡改。点击一行查看详情。',
    'Every write, every read a bank makes and every authorization change is recorded: append-only, hash-chained. Click a row for its details.',
  ],
  actorRole: ['操作者角色', 'Actor role'],
  operation: ['操作', 'Operation'],
  outcome: ['结果', 'Outcome'],
  enterprise: ['企业', 'Enterprise'],
  from: ['起始日期', 'From'],
  until: ['截止日期', 'Until'],
  all: ['全部', 'All'],
  listTitle: ['审计事件', 'Audit events'],
  seq: ['序号', 'No.'],
  occurredAt: ['时间', 'When'],
  actor: ['操作者', 'Actor'],
  purpose: ['用途', 'Purpose'],
  change: ['变更原因', 'Reason for the change'],
  details: ['事件详情', 'Event'],
  close: ['收起', 'Close'],
  authorization: ['所依据的授权', 'Authorization'],
  hash: ['哈希', 'Hash'],
  record: ['变更的记录', 'Record changed'],
  field: ['字段', 'Field'],
  before: ['变更前', 'Before'],
  after: ['变更后', 'After'],
  changed: ['已变更', 'changed'],
  noChange: ['（该事件未更正或作废记录）', '(this event corrected or voided no record)'],
  none: ['—', '—'],
});

type Event = AdminAuditEventsQuery['auditEvents']['nodes'][number];

/** An operation (or a bank read's comma-separated queries) in the reader's language. */
function useOperationName() {
  const { language } = useLanguage();
  return (operation: string) =>
    operation
      .split(',')
      .map((o) => {
        const pair = OPERATION_LABELS[o.trim()];
        return pair ? pick(pair, language) : o.trim();
      })
      .join('、');
}

/** 审计日志: `auditEvents` with its filters, paged forwards (as the trail is), each event's details and changes readable. */
export function AuditPage() {
  const t = useText();
  const label = useLabel();
  const options = useEnumOptions();
  const format = useFormat();
  const { language } = useLanguage();
  const operationName = useOperationName();
  const actorName = useActorName();
  const [actorRole, setActorRole] = useState('');
  const [operation, setOperation] = useState('');
  const [outcome, setOutcome] = useState('');
  const [enterprise, setEnterprise] = useState('');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [chosen, setChosen] = useState<Event | null>(null);
  const nameOf = (o: { name: string; nameEn: string | null }) => (language === 'en' ? (o.nameEn ?? o.name) : o.name);

  const creditCode = pickedCode(enterprise);
  const filter: AuditEventFilter = {
    ...(actorRole ? { actorRole: actorRole as Role } : {}),
    ...(operation ? { operation } : {}),
    ...(outcome ? { outcome: outcome as AuditOutcome } : {}),
    ...(creditCode ? { creditCode } : {}),
    // Whole days in Asia/Shanghai: from the start of the first to the start of the day after the last.
    ...(from ? { occurredFrom: startOfZoneDay(from) } : {}),
    ...(until ? { occurredBefore: startOfZoneDay(addDays(until, 1)) } : {}),
  };
  const [after, onPage] = useForwardCursor(JSON.stringify(filter));
  const events = useQuery({
    queryKey: ['admin-audit', filter, after],
    queryFn: () => request(AdminAuditEventsDocument, { filter, first: PAGE_SIZE, after }),
    placeholderData: keepPreviousData,
  });

  const operations = Object.keys(OPERATION_LABELS)
    .map((o) => ({ value: o, label: `${operationName(o)}（${o}）` }))
    .sort((a, b) => a.label.localeCompare(b.label, language === 'zh' ? 'zh-CN' : 'en'));
  const columns: Column<Event>[] = [
    { header: t('seq'), value: (e) => Number(e.id), align: 'right' },
    { header: t('occurredAt'), value: (e) => format.dateTime(e.occurredAt), width: 22 },
    { header: t('operation'), value: (e) => operationName(e.operation), width: 24 },
    { header: t('actorRole'), value: (e) => (e.actor ? label('Role', e.actor.role) : '—'), width: 16 },
    { header: t('actor'), value: (e) => actorName(e.actor), width: 24 },
    { header: t('enterprise'), value: (e) => (e.enterprise ? nameOf(e.enterprise) : null), width: 30 },
    {
      header: t('outcome'),
      value: (e) => label('AuditOutcome', e.outcome),
      render: (e) => <span className={`badge ${e.outcome === 'DONE' ? 'ok' : e.outcome === 'REFUSED' ? 'warn' : 'bad'}`}>{label('AuditOutcome', e.outcome)}</span>,
    },
    { header: t('purpose'), value: (e) => e.purpose, width: 30 },
    { header: t('change'), value: (e) => e.change?.reason ?? null, width: 30 },
  ];

  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <div className="filters">
        <SelectField label={t('actorRole')} value={actorRole} onChange={(e) => setActorRole(e.target.value)} options={[{ value: '', label: t('all') }, ...options('Role')]} />
        <SelectField label={t('operation')} value={operation} onChange={(e) => setOperation(e.target.value)} options={[{ value: '', label: t('all') }, ...operations]} />
        <SelectField label={t('outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value)} options={[{ value: '', label: t('all') }, ...options('AuditOutcome')]} />
        <EnterprisePicker label={t('enterprise')} value={enterprise} onChange={setEnterprise} />
        <TextField label={t('from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label={t('until')} type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
      </div>
      <Loaded query={events}>
        {(data) => (
          <DataTable
            title={t('listTitle')}
            columns={columns}
            rows={data.auditEvents.nodes}
            rowKey={(e) => e.id}
            onRowClick={setChosen}
            footer={<Pager pageInfo={data.auditEvents.pageInfo} totalCount={data.auditEvents.totalCount} size={PAGE_SIZE} onPage={onPage} />}
          />
        )}
      </Loaded>
      {chosen && <EventDetail event={chosen} onClose={() => setChosen(null)} />}
    </div>
  );
}

/** A value of a record's facts as text: strings as they are, anything else as JSON. */
const shown = (value: unknown): string => (value === undefined || value === null ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

function EventDetail(props: { event: Event; onClose: () => void }) {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const { language } = useLanguage();
  const operationName = useOperationName();
  const describeActor = useActorDescription();
  const e = props.event;
  const nameOf = (o: { name: string; nameEn: string | null }) => (language === 'en' ? (o.nameEn ?? o.name) : o.name);
  const change = e.change;
  // Every field either side has, in the order the record gives them; the changed ones marked.
  const fields = change ? [...new Set([...Object.keys(change.before), ...Object.keys(change.after)])] : [];
  // Opened from a row of a long page: brought into view.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [e.id]);
  return (
    <section className="card" aria-label={t('details')} ref={ref}>
      <h2>
        {t('details')} #{e.id}
      </h2>
      <dl className="facts">
        <dt>{t('occurredAt')}</dt>
        <dd>{format.dateTime(e.occurredAt)}</dd>
        <dt>{t('operation')}</dt>
        <dd>
          {operationName(e.operation)} <code className="muted">{e.operation}</code>
        </dd>
        <dt>{t('actor')}</dt>
        <dd>
          {describeActor(e.actor)}
        </dd>
        <dt>{t('enterprise')}</dt>
        <dd>{e.enterprise ? <Link href={`/enterprises/${e.enterprise.creditCode}`}>{nameOf(e.enterprise)}</Link> : t('none')}</dd>
        <dt>{t('outcome')}</dt>
        <dd>{label('AuditOutcome', e.outcome)}</dd>
        <dt>{t('purpose')}</dt>
        <dd>{e.purpose ?? t('none')}</dd>
        <dt>{t('authorization')}</dt>
        <dd>{e.authorization ? `${nameOf(e.authorization.bank)} · ${e.authorization.purpose}` : t('none')}</dd>
        <dt>{t('hash')}</dt>
        <dd>
          <code className="small">{e.hash}</code>
        </dd>
      </dl>
      {change ? (
        <>
          <dl className="facts">
            <dt>{t('change')}</dt>
            <dd>{change.reason}</dd>
            <dt>{t('record')}</dt>
            <dd>
              <code className="small">{change.recordId}</code>
            </dd>
          </dl>
          <table className="change" aria-label={t('change')}>
            <thead>
              <tr>
                <th>{t('field')}</th>
                <th>{t('before')}</th>
                <th>{t('after')}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => {
                const differs = shown(change.before[f]) !== shown(change.after[f]);
                return (
                  <tr key={f} className={differs ? 'changed' : undefined}>
                    <td>
                      {FIELD_LABELS[f] ? (
                        <>
                          {pick(FIELD_LABELS[f], language)} <code className="muted small">{f}</code>
                        </>
                      ) : (
                        f
                      )}
                      {differs && (
                        <>
                          {' '}
                          <span className="badge warn">{t('changed')}</span>
                        </>
                      )}
                    </td>
                    <td>{shown(change.before[f])}</td>
                    <td>{shown(change.after[f])}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      ) : (
        <p className="muted">{t('noChange')}</p>
      )}
      <p>
        <button type="button" className="secondary" onClick={props.onClose}>
          {t('close')}
        </button>
      </p>
    </section>
  );
}
