import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { request } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { SelectField, TextField } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { ErrorBox, Loaded } from '../../components/Status';
import { ENUM_LABELS } from '../../enums';
import {
  type AuthorizationScope,
  type GrantAuthorizationInput,
  RepAuthorizationsDocument,
  type RepAuthorizationsQuery,
  RepBanksDocument,
  RepGrantAuthorizationDocument,
  RepRevokeAuthorizationDocument,
} from '../../generated/graphql';
import { messages, useFormat, useLanguage, type Pair } from '../../i18n';
import { useLabel } from '../../labels';
import { useViewer } from '../../session';
import { addDays, addYears, zoneToday } from '../bank/days';
import { useForwardPages } from '../bank/paging';

const PAGE_SIZE = 20;

const useText = messages({
  title: ['数据授权', 'Data authorizations'],
  intro: [
    '本企业向银行出具的数据授权。银行仅在授权有效期内、按授权范围查看本企业数据，每次查看均记入审计日志；撤销立即生效。',
    'The authorizations your enterprise gave banks. A bank sees your data only within an authorization in force and its scopes, every read on the audit trail; a revocation takes effect at once.',
  ],
  list: ['本企业的授权', 'Our authorizations'],
  bank: ['授权银行', 'Bank'],
  purpose: ['授权用途', 'Purpose'],
  scopes: ['授权范围', 'Scopes'],
  signer: ['签字人', 'Signer'],
  validFrom: ['生效日', 'Valid from'],
  validUntil: ['截止日', 'Valid until'],
  status: ['状态', 'Status'],
  grantedAt: ['授权时间', 'Granted at'],
  revokedAt: ['撤销时间', 'Revoked at'],
  active: ['生效中', 'In force'],
  revoked: ['已撤销', 'Revoked'],
  expired: ['已到期', 'Ended'],
  pending: ['未生效', 'Not yet in force'],
  revoke: ['撤销', 'Revoke'],
  confirmRevoke: ['确认撤销', 'Confirm revocation'],
  cancel: ['取消', 'Cancel'],
  revokedDone: ['已撤销对{bank}的授权（{purpose}）。', 'The authorization for {bank} ({purpose}) is revoked.'],
  grant: ['新增授权', 'Grant an authorization'],
  chooseBank: ['请选择银行', 'Choose a bank'],
  purposeHint: ['例如：知识产权质押贷款预审（不超过500字）', 'e.g. IP-pledge loan pre-check (at most 500 characters)'],
  signerHint: ['姓名及职务，例如：王伟（财务总监）', 'Name and post, e.g. 王伟（财务总监）'],
  untilHint: ['不早于今天，且距生效日不超过三年', 'Not before today, at most three years after the first day'],
  submit: ['提交授权', 'Grant'],
  submitting: ['正在提交…', 'Granting…'],
  granted: ['已向{bank}授权（{purpose}）。', 'Authorization granted to {bank} ({purpose}).'],
  refused: ['授权未成功，请按提示修改后重新提交。', 'The authorization was not granted: correct what is marked and try again.'],
});

/** What each typed error means for the form, in Chinese first: by the field it names, then by its code. */
const FIELD_ERRORS: Record<string, Partial<Record<string, Pair>>> = {
  bankCreditCode: {
    NOT_FOUND: ['未找到该银行，请重新选择。', 'No such bank: choose another.'],
    INVALID_INPUT: ['该银行尚在筹建，暂不能接受授权。', 'This bank is planned and not yet open: it cannot receive authorizations.'],
  },
  scopes: { INVALID_INPUT: ['请至少选择一项授权范围。', 'Choose at least one scope.'] },
  purpose: {
    INVALID_INPUT: ['请填写授权用途，不超过500字。', 'Give the purpose, in at most 500 characters.'],
    DUPLICATE: [
      '该银行同一用途的授权在所选期间内已有生效记录，请调整用途或有效期。',
      'An authorization of this bank for this purpose is in force on some of these days already: change the purpose or the dates.',
    ],
  },
  signer: { INVALID_INPUT: ['请填写签字人姓名及职务，不超过100字。', 'Give the signer’s name and post, in at most 100 characters.'] },
  validFrom: { INVALID_INPUT: ['生效日有误。', 'The first day is not right.'] },
  creditCode: { NOT_PERMITTED: ['只能为本企业授权。', 'A representative grants authorizations for its own enterprise only.'] },
};
/** The three rules of the last day, told apart by the dates themselves (the server names the field, not the rule). */
const UNTIL_ERRORS = {
  beforeFrom: ['截止日不得早于生效日。', 'The last day cannot come before the first.'],
  tooLong: ['授权期限最长三年，请提前截止日。', 'An authorization runs at most three years: bring the last day forward.'],
  ended: ['截止日不得早于今天。', 'The last day cannot be before today.'],
} as const satisfies Record<string, Pair>;
const GENERAL_ERROR: Pair = ['操作未成功（{code}）。', 'Not done ({code}).'];
const REVOKE_ERRORS: Record<string, Pair> = {
  TRANSITION_NOT_ALLOWED: ['该授权已经撤销。', 'The authorization is revoked already.'],
  NOT_FOUND: ['未找到该授权。', 'No such authorization.'],
};

type Authorization = RepAuthorizationsQuery['viewer'] extends infer V
  ? V extends { authorizations: { nodes: (infer N)[] } }
    ? N
    : never
  : never;
type MutationError = { __typename: string; code: string; message: string; path: string[] | null };

const SCOPES = Object.keys(ENUM_LABELS.AuthorizationScope) as AuthorizationScope[];

/** 数据授权: the representative's authorizations to banks, granting a new one and revoking one. */
export function MyAuthorizationsPage() {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const { language } = useLanguage();
  const client = useQueryClient();
  const today = useMemo(() => zoneToday(), []);
  const pages = useForwardPages(PAGE_SIZE);
  const query = useQuery({
    queryKey: ['rep', 'authorizations', pages.after],
    queryFn: () => request(RepAuthorizationsDocument, { first: pages.first, after: pages.after }),
    placeholderData: keepPreviousData,
  });
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);

  const revoke = useMutation({
    mutationFn: (a: Authorization) => request(RepRevokeAuthorizationDocument, { input: { authorizationId: a.id } }),
    onSuccess: async (data, a) => {
      setConfirming(null);
      const refused = data.revokeAuthorization.errors[0];
      if (refused) {
        const pair = REVOKE_ERRORS[refused.code] ?? GENERAL_ERROR;
        setRevokeError(language === 'zh' ? pair[0].replace('{code}', refused.code) : pair[1].replace('{code}', refused.code));
      } else {
        setRevokeError(null);
        setNotice(t('revokedDone', { bank: a.bank.name, purpose: a.purpose }));
      }
      await client.invalidateQueries({ queryKey: ['rep', 'authorizations'] });
    },
  });

  const status = (a: Authorization): { text: string; className: string } =>
    a.revokedAt
      ? { text: t('revoked'), className: 'badge bad' }
      : a.isActive
        ? { text: t('active'), className: 'badge ok' }
        : a.validFrom > today
          ? { text: t('pending'), className: 'badge warn' }
          : { text: t('expired'), className: 'badge' };

  const columns: Column<Authorization>[] = [
    { header: t('bank'), value: (a) => a.bank.name, width: 24 },
    { header: t('purpose'), value: (a) => a.purpose, width: 28 },
    // The status, and beside it what can be done (the export takes the status alone).
    {
      header: t('status'),
      value: (a) => status(a).text,
      render: (a) => (
        <span style={{ display: 'inline-flex', gap: '0.5rem', alignItems: 'center' }}>
          <span className={status(a).className}>{status(a).text}</span>
          {a.revokedAt || a.validUntil < today ? null : confirming === a.id ? (
            <>
              <button type="button" className="danger" disabled={revoke.isPending} onClick={() => revoke.mutate(a)}>
                {t('confirmRevoke')}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                {t('cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirming(a.id)}>
              {t('revoke')}
            </button>
          )}
        </span>
      ),
    },
    { header: t('validFrom'), value: (a) => format.date(a.validFrom) },
    { header: t('validUntil'), value: (a) => format.date(a.validUntil) },
    { header: t('scopes'), value: (a) => a.scopes.map((s) => label('AuthorizationScope', s)).join('、'), width: 40 },
    { header: t('signer'), value: (a) => a.signer, width: 20 },
    { header: t('grantedAt'), value: (a) => format.dateTime(a.grantedAt), width: 20 },
    { header: t('revokedAt'), value: (a) => (a.revokedAt ? format.dateTime(a.revokedAt) : null), width: 20 },
  ];

  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {notice && (
        <p role="status" className="ok">
          {notice}
        </p>
      )}
      {revokeError && (
        <p role="alert" className="error">
          {revokeError}
        </p>
      )}
      {revoke.error && <ErrorBox error={revoke.error} />}
      <Loaded query={query}>
        {(data) => {
          const list = data.viewer?.authorizations;
          return (
            <DataTable
              title={t('list')}
              columns={columns}
              rows={list?.nodes ?? []}
              rowKey={(a) => a.id}
              footer={list && <Pager pageInfo={list.pageInfo} totalCount={list.totalCount} size={PAGE_SIZE} onPage={pages.onPage} />}
            />
          );
        }}
      </Loaded>
      <GrantForm
        today={today}
        onGranted={async (text) => {
          setNotice(text);
          pages.reset();
          await client.invalidateQueries({ queryKey: ['rep', 'authorizations'] });
        }}
      />
    </div>
  );
}

/** 新增授权: the grant mutation's whole input (bank, scopes, purpose, signer, validity), its typed errors beside their fields. */
function GrantForm(props: { today: string; onGranted: (text: string) => Promise<void> }) {
  const t = useText();
  const { language } = useLanguage();
  const label = useLabel();
  const viewer = useViewer().data;
  const creditCode = viewer?.organization?.__typename === 'Enterprise' ? viewer.organization.creditCode : '';
  const banks = useQuery({ queryKey: ['rep', 'banks'], queryFn: () => request(RepBanksDocument), staleTime: Infinity });
  const [bank, setBank] = useState('');
  const [scopes, setScopes] = useState<AuthorizationScope[]>([]);
  const [purpose, setPurpose] = useState('');
  const [signer, setSigner] = useState('');
  const [validFrom, setValidFrom] = useState(props.today);
  const [validUntil, setValidUntil] = useState(() => addDays(addYears(props.today, 1), -1));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const say = (pair: Pair, params?: Record<string, string>) => {
    const text = language === 'zh' ? pair[0] : pair[1];
    return params ? text.replace(/\{(\w+)\}/g, (w, k: string) => params[k] ?? w) : text;
  };
  const untilError = (input: GrantAuthorizationInput): Pair =>
    input.validUntil < input.validFrom ? UNTIL_ERRORS.beforeFrom : input.validUntil < props.today ? UNTIL_ERRORS.ended : UNTIL_ERRORS.tooLong;

  const grant = useMutation({
    mutationFn: (input: GrantAuthorizationInput) => request(RepGrantAuthorizationDocument, { input }),
    onSuccess: async (data, input) => {
      const refused = data.grantAuthorization.errors as MutationError[];
      if (refused.length === 0) {
        const bankName = banks.data?.banks.find((b) => b.creditCode === input.bankCreditCode)?.name ?? input.bankCreditCode;
        setErrors({});
        setGeneral(null);
        setPurpose('');
        setScopes([]);
        await props.onGranted(t('granted', { bank: bankName, purpose: input.purpose }));
        return;
      }
      const byField: Record<string, string> = {};
      const unplaced: string[] = [];
      for (const e of refused) {
        const field = e.path?.[0] === 'input' ? e.path[1] : undefined;
        const pair = field === 'validUntil' ? untilError(input) : field ? FIELD_ERRORS[field]?.[e.code] : undefined;
        if (field && pair && field !== 'creditCode') byField[field] = byField[field] ?? say(pair);
        else unplaced.push(say(pair ?? GENERAL_ERROR, { code: e.code }));
      }
      setErrors(byField);
      setGeneral([t('refused'), ...unplaced].join(' '));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    grant.mutate({ creditCode, bankCreditCode: bank, scopes, purpose, signer, validFrom, validUntil });
  };
  const toggle = (scope: AuthorizationScope, on: boolean) => setScopes((list) => (on ? [...list, scope] : list.filter((s) => s !== scope)).sort((a, b) => SCOPES.indexOf(a) - SCOPES.indexOf(b)));

  return (
    <form className="card" onSubmit={submit} aria-label={t('grant')}>
      <h2>{t('grant')}</h2>
      <Loaded query={banks}>
        {(data) => (
          <SelectField
            label={t('bank')}
            value={bank}
            onChange={(e) => setBank(e.target.value)}
            required
            error={errors['bankCreditCode']}
            options={[
              { value: '', label: t('chooseBank') },
              ...data.banks.filter((b) => !b.isPlanned).map((b) => ({ value: b.creditCode, label: language === 'zh' ? b.name : (b.nameEn ?? b.name) })),
            ]}
          />
        )}
      </Loaded>
      <fieldset className="field" aria-invalid={errors['scopes'] ? true : undefined}>
        <legend>{t('scopes')}</legend>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.4rem 1.2rem' }}>
          {SCOPES.map((scope) => (
            <label key={scope} style={{ fontWeight: 'normal' }}>
              <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} /> {label('AuthorizationScope', scope)}
            </label>
          ))}
        </div>
        {errors['scopes'] && <small className="error">{errors['scopes']}</small>}
      </fieldset>
      <TextField label={t('purpose')} placeholder={t('purposeHint')} value={purpose} onChange={(e) => setPurpose(e.target.value)} error={errors['purpose']} />
      <TextField label={t('signer')} placeholder={t('signerHint')} value={signer} onChange={(e) => setSigner(e.target.value)} error={errors['signer']} />
      <div className="filters">
        <TextField label={t('validFrom')} type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} required error={errors['validFrom']} />
        <TextField
          label={t('validUntil')}
          type="date"
          value={validUntil}
          onChange={(e) => setValidUntil(e.target.value)}
          required
          hint={t('untilHint')}
          error={errors['validUntil']}
        />
      </div>
      {general && (
        <p role="alert" className="error">
          {general}
        </p>
      )}
      {grant.error && <ErrorBox error={grant.error} />}
      <button type="submit" disabled={grant.isPending || !creditCode}>
        {grant.isPending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
