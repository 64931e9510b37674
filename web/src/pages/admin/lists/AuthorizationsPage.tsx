import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { request } from '../../../api';
import { DataTable, type Column } from '../../../components/DataTable';
import { SelectField, TextField } from '../../../components/Field';
import { Pager } from '../../../components/Pager';
import { ErrorBox, Loaded } from '../../../components/Status';
import {
  AdminAuthorizationBanksDocument,
  AdminAuthorizationsDocument,
  AdminRecordPaperAuthorizationDocument,
  AdminRevokeAuthorizationDocument,
  type AdminAuthorizationBanksQuery,
  type AdminAuthorizationsQuery,
  type AdminAuthorizationsQueryVariables,
  type AuthorizationScope,
  type DataAuthorizationOrder,
  type GrantAuthorizationInput,
} from '../../../generated/graphql';
import { ENUM_LABELS } from '../../../enums';
import { messages, useFormat, useLanguage } from '../../../i18n';
import { useEnumOptions, useLabel } from '../../../labels';
import { EnterprisePicker, pickedCode } from './EnterprisePicker';
import { PAGE_SIZE, useCursor } from './paging';
import { addDays, addYears, daysBetween, zoneToday } from './zoneDates';
import { useActorDescription, useActorName } from './actors';
import { authorizationErrorText } from './authorizationErrors';

/** Within how many days an authorization's end counts as near (highlighted, and the 即将到期 filter). */
export const EXPIRING_DAYS = 30;

const useText = messages({
  title: ['数据授权', 'Data authorizations'],
  intro: [
    '企业向银行授予的数据授权：范围、用途、有效期与状态。30 天内到期的授权以橙色标出。',
    'What enterprises let banks see: scopes, purpose, validity and state. Those ending within 30 days are marked in orange.',
  ],
  enterprise: ['企业', 'Enterprise'],
  bank: ['银行', 'Bank'],
  state: ['状态', 'State'],
  all: ['全部', 'All'],
  inForce: ['生效中', 'In force'],
  notInForce: ['未生效或已终止', 'Not in force'],
  expiring: ['仅看 {days} 天内到期', 'Ending within {days} days only'],
  order: ['排序', 'Order'],
  listTitle: ['授权列表', 'Authorizations'],
  creditCode: ['统一社会信用代码', 'Credit code'],
  scopes: ['授权范围', 'Scopes'],
  purpose: ['用途', 'Purpose'],
  validFrom: ['生效日期', 'Valid from'],
  validUntil: ['截止日期', 'Valid until'],
  signer: ['签字人', 'Signer'],
  paperReference: ['纸质授权书编号', 'Paper reference'],
  grantedBy: ['录入方', 'Recorded by'],
  clickRow: ['点击一行查看详情或撤销', 'Click a row for its details, or to revoke it'],
  details: ['授权详情', 'Authorization'],
  grantedAt: ['录入时间', 'Recorded at'],
  revokedAt: ['撤销时间', 'Revoked at'],
  revoke: ['撤销授权', 'Revoke'],
  online: ['线上授予', 'Granted online'],
  stateInForce: ['生效中', 'In force'],
  stateEnding: ['生效中，{days} 天后到期', 'In force, ends in {days} day(s)'],
  stateEndingToday: ['生效中，今日到期', 'In force, ends today'],
  stateNotYet: ['未生效', 'Not yet in force'],
  stateEnded: ['已到期', 'Ended'],
  stateRevoked: ['已撤销', 'Revoked'],
  confirmRevoke: ['撤销 {enterprise} 对 {bank} 的授权（{purpose}）？撤销后银行自下一次请求起即不能查看该企业数据。', 'Revoke the authorization of {enterprise} for {bank} ({purpose})? The bank stops seeing the data from its next request.'],
  confirm: ['确认撤销', 'Revoke'],
  cancel: ['取消', 'Cancel'],
  revoked: ['已撤销 {enterprise} 对 {bank} 的授权。', 'Revoked the authorization of {enterprise} for {bank}.'],
  record: ['录入纸质授权书', 'Record a paper authorization'],
  recordIntro: ['根据企业签署的纸质授权书录入，须填写授权书编号。', 'From a signed paper authorization: its reference is required.'],
  grantor: ['授权企业', 'Granting enterprise'],
  grantee: ['被授权银行', 'Bank'],
  chooseBank: ['请选择银行', 'Choose a bank'],
  planned: ['（筹建中）', ' (planned)'],
  save: ['保存', 'Save'],
  saving: ['正在保存…', 'Saving…'],
  close: ['收起', 'Close'],
  recorded: ['已录入 {enterprise} 对 {bank} 的授权。', 'Recorded the authorization of {enterprise} for {bank}.'],
  needCode: ['请从列表中选择企业，或输入18位统一社会信用代码。', 'Pick an enterprise, or enter its 18-character credit code.'],
});

type Bank = AdminAuthorizationBanksQuery['banks'][number];
type Row = AdminAuthorizationsQuery['authorizations']['nodes'][number];

/** 数据授权: the zone's authorizations (`authorizations` without a credit code), recording paper ones and revoking. */
export function AuthorizationsPage() {
  const t = useText();
  const banks = useQuery({ queryKey: ['admin-authorizations', 'banks'], queryFn: () => request(AdminAuthorizationBanksDocument) });
  const [recording, setRecording] = useState(false);
  return (
    <div className="page authorizations-page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <Loaded query={banks}>
        {(data) => (
          <>
            {recording ? (
              <PaperForm banks={data.banks} onClose={() => setRecording(false)} />
            ) : (
              <p>
                <button type="button" onClick={() => setRecording(true)}>
                  {t('record')}
                </button>
              </p>
            )}
            <AuthorizationList banks={data.banks} />
          </>
        )}
      </Loaded>
    </div>
  );
}

/** Where an authorization stands today, in words, and whether its end is near. */
function useStanding() {
  const t = useText();
  return (a: Row, today: string): { text: string; tone: 'ok' | 'warn' | 'bad' | '' } => {
    if (a.revokedAt) return { text: t('stateRevoked'), tone: 'bad' };
    if (a.validFrom > today) return { text: t('stateNotYet'), tone: '' };
    if (a.validUntil < today) return { text: t('stateEnded'), tone: '' };
    const left = daysBetween(today, a.validUntil);
    if (left === 0) return { text: t('stateEndingToday'), tone: 'warn' };
    if (left <= EXPIRING_DAYS) return { text: t('stateEnding', { days: left }), tone: 'warn' };
    return { text: t('stateInForce'), tone: 'ok' };
  };
}

function AuthorizationList(props: { banks: Bank[] }) {
  const t = useText();
  const label = useLabel();
  const options = useEnumOptions();
  const format = useFormat();
  const { language } = useLanguage();
  const standing = useStanding();
  const actorName = useActorName();
  const today = zoneToday();
  const nameOf = (o: { name: string; nameEn: string | null }) => (language === 'en' ? (o.nameEn ?? o.name) : o.name);

  const [enterprise, setEnterprise] = useState('');
  const [bank, setBank] = useState('');
  const [state, setState] = useState('');
  const [expiring, setExpiring] = useState(false);
  const [order, setOrder] = useState<DataAuthorizationOrder>('NEWEST_GRANT_FIRST');
  const expiringId = useId();

  const variables = {
    creditCode: pickedCode(enterprise) ?? undefined,
    bankCreditCode: bank || undefined,
    active: expiring ? true : state === '' ? undefined : state === 'active',
    endingBy: expiring ? addDays(today, EXPIRING_DAYS) : undefined,
    orderBy: order,
  };
  const [cursor, setCursor] = useCursor(JSON.stringify(variables));
  const list = useQuery({
    queryKey: ['admin-authorizations', 'list', variables, cursor],
    queryFn: () => request(AdminAuthorizationsDocument, { ...variables, ...cursor } as AdminAuthorizationsQueryVariables),
    placeholderData: keepPreviousData,
  });
  const [chosen, setChosen] = useState<Row | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const columns: Column<Row>[] = [
    { header: t('enterprise'), value: (a) => nameOf(a.enterprise), render: (a) => <Link href={`/enterprises/${a.enterprise.creditCode}`}>{nameOf(a.enterprise)}</Link>, width: 30 },
    { header: t('creditCode'), value: (a) => a.enterprise.creditCode, width: 22 },
    { header: t('bank'), value: (a) => nameOf(a.bank), width: 16 },
    { header: t('scopes'), value: (a) => a.scopes.map((s) => label('AuthorizationScope', s)).join('、'), width: 40 },
    { header: t('purpose'), value: (a) => a.purpose, width: 30 },
    { header: t('validFrom'), value: (a) => format.date(a.validFrom), width: 12 },
    { header: t('validUntil'), value: (a) => format.date(a.validUntil), width: 12 },
    {
      header: t('state'),
      value: (a) => standing(a, today).text,
      render: (a) => {
        const s = standing(a, today);
        return <span className={`badge ${s.tone}`}>{s.text}</span>;
      },
      width: 20,
    },
    { header: t('signer'), value: (a) => a.signer, width: 16 },
    { header: t('paperReference'), value: (a) => a.paperReference ?? t('online'), width: 20 },
    { header: t('grantedBy'), value: (a) => actorName(a.grantedBy), width: 24 },
    { header: t('grantedAt'), value: (a) => format.dateTime(a.grantedAt), width: 22 },
  ];

  return (
    <>
      <div className="filters">
        <EnterprisePicker label={t('enterprise')} value={enterprise} onChange={setEnterprise} />
        <SelectField
          label={t('bank')}
          value={bank}
          onChange={(e) => setBank(e.target.value)}
          options={[{ value: '', label: t('all') }, ...props.banks.map((b) => ({ value: b.creditCode, label: nameOf(b) }))]}
        />
        <SelectField
          label={t('state')}
          value={expiring ? 'active' : state}
          disabled={expiring}
          onChange={(e) => setState(e.target.value)}
          options={[
            { value: '', label: t('all') },
            { value: 'active', label: t('inForce') },
            { value: 'inactive', label: t('notInForce') },
          ]}
        />
        <div className="field">
          <label htmlFor={expiringId}>
            <input
              id={expiringId}
              type="checkbox"
              checked={expiring}
              onChange={(e) => {
                setExpiring(e.target.checked);
                if (e.target.checked) setOrder('EARLIEST_END_FIRST');
              }}
            />{' '}
            {t('expiring', { days: EXPIRING_DAYS })}
          </label>
        </div>
        <SelectField label={t('order')} value={order} onChange={(e) => setOrder(e.target.value as DataAuthorizationOrder)} options={options('DataAuthorizationOrder')} />
      </div>
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
      <Loaded query={list}>
        {(data) => (
          <DataTable
            title={t('listTitle')}
            caption={<span className="muted small">{t('clickRow')}</span>}
            columns={columns}
            rows={data.authorizations.nodes}
            rowKey={(a) => a.id}
            onRowClick={(a) => (setDone(null), setChosen(a))}
            footer={<Pager pageInfo={data.authorizations.pageInfo} totalCount={data.authorizations.totalCount} size={PAGE_SIZE} onPage={setCursor} />}
          />
        )}
      </Loaded>
      {chosen && <AuthorizationDetail authorization={chosen} today={today} onRevoked={(text) => (setChosen(null), setDone(text))} onClose={() => setChosen(null)} />}
    </>
  );
}

/** One authorization in full, with 撤销授权 (and its confirmation) while it has not ended or been revoked. */
function AuthorizationDetail(props: { authorization: Row; today: string; onRevoked: (text: string) => void; onClose: () => void }) {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const { language } = useLanguage();
  const standing = useStanding();
  const describeActor = useActorDescription();
  const client = useQueryClient();
  const a = props.authorization;
  const nameOf = (o: { name: string; nameEn: string | null }) => (language === 'en' ? (o.nameEn ?? o.name) : o.name);
  const names = { enterprise: nameOf(a.enterprise), bank: nameOf(a.bank), purpose: a.purpose };
  const [confirming, setConfirming] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: () => request(AdminRevokeAuthorizationDocument, { input: { authorizationId: a.id } }),
    onSuccess: async (data) => {
      const errors = data.revokeAuthorization.errors;
      if (errors.length > 0) return setRefusal(errors.map((e) => authorizationErrorText(e, language)).join(' '));
      await client.invalidateQueries({ queryKey: ['admin-authorizations', 'list'] });
      props.onRevoked(t('revoked', names));
    },
  });
  const s = standing(a, props.today);
  const revocable = !a.revokedAt && a.validUntil >= props.today;
  // Opened from a row of a long page: brought into view.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [a.id]);
  return (
    <section className="card" aria-label={t('details')} ref={ref}>
      <h2>{t('details')}</h2>
      <dl className="facts">
        <dt>{t('enterprise')}</dt>
        <dd>
          <Link href={`/enterprises/${a.enterprise.creditCode}`}>{nameOf(a.enterprise)}</Link>（{a.enterprise.creditCode}）
        </dd>
        <dt>{t('bank')}</dt>
        <dd>{nameOf(a.bank)}</dd>
        <dt>{t('scopes')}</dt>
        <dd>{a.scopes.map((x) => label('AuthorizationScope', x)).join('、')}</dd>
        <dt>{t('purpose')}</dt>
        <dd>{a.purpose}</dd>
        <dt>{t('validFrom')}</dt>
        <dd>{format.date(a.validFrom)}</dd>
        <dt>{t('validUntil')}</dt>
        <dd>{format.date(a.validUntil)}</dd>
        <dt>{t('state')}</dt>
        <dd>
          <span className={`badge ${s.tone}`}>{s.text}</span>
        </dd>
        <dt>{t('signer')}</dt>
        <dd>{a.signer ?? '—'}</dd>
        <dt>{t('paperReference')}</dt>
        <dd>{a.paperReference ?? t('online')}</dd>
        <dt>{t('grantedBy')}</dt>
        <dd>
          {describeActor(a.grantedBy)}
        </dd>
        <dt>{t('grantedAt')}</dt>
        <dd>{format.dateTime(a.grantedAt)}</dd>
        {a.revokedAt && (
          <>
            <dt>{t('revokedAt')}</dt>
            <dd>{format.dateTime(a.revokedAt)}</dd>
          </>
        )}
      </dl>
      {confirming && <p>{t('confirmRevoke', names)}</p>}
      {refusal && (
        <p role="alert" className="error">
          {refusal}
        </p>
      )}
      {revoke.error && <ErrorBox error={revoke.error} />}
      {revocable &&
        (confirming ? (
          <button type="button" className="danger" disabled={revoke.isPending} onClick={() => (setRefusal(null), revoke.mutate())}>
            {t('confirm')}
          </button>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t('revoke')}
          </button>
        ))}{' '}
      <button type="button" className="secondary" onClick={confirming ? () => setConfirming(false) : props.onClose}>
        {confirming ? t('cancel') : t('close')}
      </button>
    </section>
  );
}

const FORM_FIELDS = ['creditCode', 'bankCreditCode', 'scopes', 'purpose', 'validFrom', 'validUntil', 'signer', 'paperReference'] as const;
type FormField = (typeof FORM_FIELDS)[number];

/** 录入纸质授权书: `grantAuthorization` as an administrator, its typed errors in Chinese beside the fields they name. */
function PaperForm(props: { banks: Bank[]; onClose: () => void }) {
  const t = useText();
  const { language } = useLanguage();
  const client = useQueryClient();
  const today = zoneToday();
  const [enterprise, setEnterprise] = useState('');
  const [bank, setBank] = useState('');
  const [scopes, setScopes] = useState<AuthorizationScope[]>([]);
  const [purpose, setPurpose] = useState('');
  const [validFrom, setValidFrom] = useState(today);
  const [validUntil, setValidUntil] = useState(addYears(today, 1));
  const [signer, setSigner] = useState('');
  const [paperReference, setPaperReference] = useState('');
  const [errors, setErrors] = useState<Partial<Record<FormField | 'form', string>>>({});
  const [done, setDone] = useState<string | null>(null);
  const nameOf = (o: { name: string; nameEn: string | null }) => (language === 'en' ? (o.nameEn ?? o.name) : o.name);

  const save = useMutation({ mutationFn: (input: GrantAuthorizationInput) => request(AdminRecordPaperAuthorizationDocument, { input }) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const creditCode = pickedCode(enterprise);
    if (!creditCode) return setErrors({ creditCode: t('needCode') });
    setErrors({});
    const input: GrantAuthorizationInput = {
      creditCode,
      bankCreditCode: bank,
      scopes,
      purpose,
      validFrom,
      validUntil,
      signer,
      paperReference,
    };
    let data;
    try {
      data = await save.mutateAsync(input);
    } catch {
      return; // shown below from save.error
    }
    const refused = data.grantAuthorization.errors;
    if (refused.length > 0) {
      // Each beside the field it names (once: several rules of one field read as one sentence), the rest above 保存.
      const texts = new Map<FormField | 'form', Set<string>>();
      for (const e of refused) {
        const field = e.path?.[0] === 'input' && FORM_FIELDS.includes(e.path[1] as FormField) ? (e.path[1] as FormField) : 'form';
        texts.set(field, (texts.get(field) ?? new Set()).add(authorizationErrorText(e, language, { validFrom, validUntil, today })));
      }
      return setErrors(Object.fromEntries([...texts].map(([field, set]) => [field, [...set].join(' ')])));
    }
    await client.invalidateQueries({ queryKey: ['admin-authorizations', 'list'] });
    const chosenBank = props.banks.find((b) => b.creditCode === bank);
    setDone(t('recorded', { enterprise: creditCode, bank: chosenBank ? nameOf(chosenBank) : bank }));
    setPurpose('');
    setSigner('');
    setPaperReference('');
  };

  const toggle = (scope: AuthorizationScope, on: boolean) => setScopes((s) => (on ? [...s, scope] : s.filter((x) => x !== scope)));
  return (
    <form className="card" onSubmit={submit} aria-label={t('record')}>
      <h2>{t('record')}</h2>
      <p className="muted">{t('recordIntro')}</p>
      <div className="grid">
        <div>
          <EnterprisePicker label={t('grantor')} value={enterprise} onChange={setEnterprise} error={errors.creditCode} />
          <SelectField
            label={t('grantee')}
            value={bank}
            onChange={(e) => setBank(e.target.value)}
            required
            error={errors.bankCreditCode}
            options={[
              { value: '', label: t('chooseBank') },
              ...props.banks.map((b) => ({ value: b.creditCode, label: `${nameOf(b)}${b.isPlanned ? t('planned') : ''}` })),
            ]}
          />
          <fieldset className="field">
            <legend>{t('scopes')}</legend>
            {(Object.keys(ENUM_LABELS.AuthorizationScope) as AuthorizationScope[]).map((scope) => (
              <ScopeBox key={scope} scope={scope} checked={scopes.includes(scope)} onChange={(on) => toggle(scope, on)} />
            ))}
            {errors.scopes && <small className="error">{errors.scopes}</small>}
          </fieldset>
        </div>
        <div>
          <TextField label={t('purpose')} value={purpose} onChange={(e) => setPurpose(e.target.value)} error={errors.purpose} />
          <TextField label={t('validFrom')} type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} required error={errors.validFrom} />
          <TextField label={t('validUntil')} type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} required error={errors.validUntil} />
          <TextField label={t('signer')} value={signer} onChange={(e) => setSigner(e.target.value)} error={errors.signer} />
          <TextField label={t('paperReference')} value={paperReference} onChange={(e) => setPaperReference(e.target.value)} error={errors.paperReference} />
        </div>
      </div>
      {errors.form && (
        <p role="alert" className="error">
          {errors.form}
        </p>
      )}
      {save.error && <ErrorBox error={save.error} />}
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? t('saving') : t('save')}
      </button>{' '}
      <button type="button" className="secondary" onClick={props.onClose}>
        {t('close')}
      </button>
    </form>
  );
}

function ScopeBox(props: { scope: AuthorizationScope; checked: boolean; onChange: (on: boolean) => void }) {
  const label = useLabel();
  const id = useId();
  return (
    <label htmlFor={id} className="check">
      <input id={id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} /> {label('AuthorizationScope', props.scope)}
    </label>
  );
}
