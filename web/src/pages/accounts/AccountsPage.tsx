import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { request } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { SelectField, TextField } from '../../components/Field';
import { Pager, type PageCursor } from '../../components/Pager';
import { Loaded } from '../../components/Status';
import {
  AccountOrganizationsDocument,
  AccountsDocument,
  CreateAccountDocument,
  DisableAccountDocument,
  EnableAccountDocument,
  ResetAccountPasswordDocument,
  type AccountErrorFieldsFragment,
  type AccountRowFragment,
  type Role,
} from '../../generated/graphql';
import { messages, useFormat } from '../../i18n';
import { useLabel } from '../../labels';
import { useViewer } from '../../session';
import { FormErrors, useFieldErrors } from '../cppcc/errors';

const useText = messages({
  title: ['账户管理', 'Accounts'],
  search: ['搜索用户名或姓名', 'Search username or name'],
  role: ['角色', 'Role'],
  status: ['状态', 'Status'],
  all: ['全部', 'All'],
  enabled: ['启用', 'Enabled'],
  disabled: ['已停用', 'Disabled'],
  locked: ['已锁定', 'Locked'],
  mustChange: ['待修改初始密码', 'Must change password'],
  username: ['用户名', 'Username'],
  displayName: ['姓名或名称', 'Name'],
  organization: ['所属单位', 'Organization'],
  lastSignedIn: ['最近登录', 'Last signed in'],
  created: ['创建时间', 'Created'],
  actions: ['操作', 'Actions'],
  disable: ['停用', 'Disable'],
  enable: ['启用', 'Enable'],
  reset: ['重置密码', 'Reset password'],
  create: ['新建账户', 'New account'],
  createButton: ['创建账户', 'Create the account'],
  firstPassword: ['初始密码', 'First password'],
  firstPasswordHint: ['10 至 128 个字符；持有人首次登录后须修改。', '10 to 128 characters; its holder changes it at the first sign-in.'],
  pick: ['请选择', 'Choose'],
  findOrganization: ['查找单位（名称或代码）', 'Find the organization (name or code)'],
  reason: ['停用原因', 'Why'],
  confirmDisable: ['确认停用', 'Disable it'],
  newPassword: ['新密码', 'New password'],
  confirmReset: ['确认重置', 'Reset it'],
  cancel: ['取消', 'Cancel'],
  created_ok: ['已创建账户 {username}。', 'Account {username} created.'],
  disabled_ok: ['已停用账户 {username}，其登录已全部退出。', 'Account {username} disabled; its sessions have ended.'],
  enabled_ok: ['已启用账户 {username}。', 'Account {username} enabled.'],
  reset_ok: ['已重置 {username} 的密码；其登录已全部退出，持有人下次登录时须修改密码。', 'Password of {username} reset; its sessions ended, and its holder changes it at the next sign-in.'],
  taken: ['该用户名已被使用。', 'That username is taken.'],
  badUsername: ['用户名须为 2 至 32 个字母、数字、“.”、“_”或“-”。', 'A username is 2 to 32 letters, digits, ".", "_" or "-".'],
  badPassword: ['密码须为 10 至 128 个字符，且不能与用户名相同。', 'A password is 10 to 128 characters, not the username.'],
  badOrganization: ['请为该角色选择所属单位。', 'Choose the organization this role acts for.'],
  notPermitted: ['您不能管理该账户。', 'You may not manage this account.'],
  self: ['不能停用或重置自己的账户。', 'You cannot disable or reset your own account.'],
});

/** The roles each manager creates accounts for (src/auth/policy.ts ACCOUNT_MANAGERS). */
const MANAGED: Partial<Record<Role, Role[]>> = {
  ZONE_ADMIN: ['BANK_OFFICER', 'ENTERPRISE_REP', 'HANDLING_UNIT', 'CPPCC_OFFICE'],
  CPPCC_OFFICE: ['CPPCC_MEMBER'],
};

const PAGE = 20;

type Notice = { ok: boolean; text: string } | null;

/** 账户管理: administrators for banks, enterprises, units and the office; the CPPCC office for members. */
export function AccountsPage() {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const viewer = useViewer().data!;
  const roles = MANAGED[viewer.role] ?? [];
  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const [status, setStatus] = useState('');
  const [cursor, setCursor] = useState<PageCursor>({ first: PAGE });
  const [notice, setNotice] = useState<Notice>(null);
  const [acting, setActing] = useState<{ account: AccountRowFragment; action: 'disable' | 'reset' } | null>(null);

  const filter = {
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(role ? { role: role as Role } : {}),
    ...(status ? { isDisabled: status === 'disabled' } : {}),
  };
  const query = useQuery({
    queryKey: ['accounts', filter, cursor],
    queryFn: () => request(AccountsDocument, { ...('first' in cursor ? { first: cursor.first, after: cursor.after } : { first: PAGE }), filter }),
  });
  const client = useQueryClient();
  const enable = useMutation({
    mutationFn: (account: AccountRowFragment) => request(EnableAccountDocument, { input: { accountId: account.id } }),
    onSuccess: (data, account) => {
      void client.invalidateQueries({ queryKey: ['accounts'] });
      setNotice(data.enableAccount.errors.length ? { ok: false, text: t('notPermitted') } : { ok: true, text: t('enabled_ok', { username: account.username }) });
    },
  });

  const statusText = (a: AccountRowFragment) =>
    [a.isDisabled ? t('disabled') : t('enabled'), a.isLocked ? t('locked') : null, a.isPasswordChangeRequired ? t('mustChange') : null].filter(Boolean).join('，');
  const columns: Column<AccountRowFragment>[] = [
    { header: t('username'), value: (a) => a.username },
    { header: t('displayName'), value: (a) => a.displayName },
    { header: t('role'), value: (a) => label('Role', a.role) },
    { header: t('organization'), value: (a) => a.organization?.name ?? '—' },
    {
      header: t('status'),
      value: statusText,
      render: (a) => <span className={a.isDisabled ? 'badge bad' : a.isLocked || a.isPasswordChangeRequired ? 'badge warn' : 'badge ok'}>{statusText(a)}</span>,
    },
    { header: t('lastSignedIn'), value: (a) => format.dateTime(a.lastSignedInAt) },
    { header: t('created'), value: (a) => format.dateTime(a.createdAt) },
    {
      header: t('actions'),
      value: () => null,
      exported: false,
      render: (a) =>
        a.username === viewer.account?.username ? null : (
          <span className="actions">
            {a.isDisabled ? (
              <button type="button" className="link" onClick={() => enable.mutate(a)}>
                {t('enable')}
              </button>
            ) : (
              <button type="button" className="link" onClick={() => setActing({ account: a, action: 'disable' })}>
                {t('disable')}
              </button>
            )}
            <button type="button" className="link" onClick={() => setActing({ account: a, action: 'reset' })}>
              {t('reset')}
            </button>
          </span>
        ),
    },
  ];

  return (
    <div className="page">
      <h1>{t('title')}</h1>
      {notice && (
        <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'ok' : 'error'}>
          {notice.text}
        </p>
      )}
      <div className="filters">
        <TextField label={t('search')} value={search} onChange={(e) => (setSearch(e.target.value), setCursor({ first: PAGE }))} />
        <SelectField
          label={t('role')}
          value={role}
          onChange={(e) => (setRole(e.target.value), setCursor({ first: PAGE }))}
          options={[{ value: '', label: t('all') }, ...(viewer.role === 'ZONE_ADMIN' ? (['ZONE_ADMIN', ...roles] as Role[]) : roles).map((r) => ({ value: r, label: label('Role', r) }))]}
        />
        <SelectField
          label={t('status')}
          value={status}
          onChange={(e) => (setStatus(e.target.value), setCursor({ first: PAGE }))}
          options={[
            { value: '', label: t('all') },
            { value: 'enabled', label: t('enabled') },
            { value: 'disabled', label: t('disabled') },
          ]}
        />
      </div>
      {acting && (
        <AccountAction
          key={`${acting.account.id}-${acting.action}`}
          {...acting}
          onClose={(text) => {
            setActing(null);
            if (text) setNotice({ ok: true, text });
          }}
        />
      )}
      <Loaded query={query}>
        {(data) => (
          <DataTable
            title={t('title')}
            columns={columns}
            rows={data.accounts.nodes}
            rowKey={(a) => a.id}
            footer={<Pager pageInfo={data.accounts.pageInfo} totalCount={data.accounts.totalCount} size={PAGE} onPage={setCursor} />}
          />
        )}
      </Loaded>
      <CreateAccountForm roles={roles} onCreated={(username) => setNotice({ ok: true, text: t('created_ok', { username }) })} />
    </div>
  );
}

function useAccountErrors(errors: readonly AccountErrorFieldsFragment[], fields: readonly string[]) {
  const t = useText();
  return useFieldErrors(errors, fields, {
    DUPLICATE: [t('taken'), t('taken')],
    NOT_PERMITTED: [t('notPermitted'), t('notPermitted')],
  });
}

/** Disabling (with its reason) or resetting the password of one account. */
function AccountAction(props: { account: AccountRowFragment; action: 'disable' | 'reset'; onClose: (notice?: string) => void }) {
  const t = useText();
  const client = useQueryClient();
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<readonly AccountErrorFieldsFragment[]>([]);
  const [busy, setBusy] = useState(false);
  const field = props.action === 'disable' ? 'input.reason' : 'input.password';
  const shown = useAccountErrors(errors, [field]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const found =
        props.action === 'disable'
          ? (await request(DisableAccountDocument, { input: { accountId: props.account.id, reason: value } })).disableAccount.errors
          : (await request(ResetAccountPasswordDocument, { input: { accountId: props.account.id, password: value } })).resetAccountPassword.errors;
      setErrors(found);
      if (found.length === 0) {
        void client.invalidateQueries({ queryKey: ['accounts'] });
        props.onClose(t(props.action === 'disable' ? 'disabled_ok' : 'reset_ok', { username: props.account.username }));
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-label={`${t(props.action)} ${props.account.username}`}>
      <h2>
        {t(props.action)}：{props.account.username}（{props.account.displayName}）
      </h2>
      {props.action === 'disable' ? (
        <TextField label={t('reason')} value={value} onChange={(e) => setValue(e.target.value)} required maxLength={500} error={shown.at(field)} />
      ) : (
        <TextField label={t('newPassword')} type="password" autoComplete="new-password" value={value} onChange={(e) => setValue(e.target.value)} required minLength={10} maxLength={128} error={shown.at(field) ? t('badPassword') : null} />
      )}
      <FormErrors messages={shown.rest} />
      <div className="row">
        <button type="submit" className={props.action === 'disable' ? 'danger' : undefined} disabled={busy}>
          {t(props.action === 'disable' ? 'confirmDisable' : 'confirmReset')}
        </button>
        <button type="button" className="secondary" onClick={() => props.onClose()}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

const ORGANIZATION_KIND: Partial<Record<Role, 'bank' | 'enterprise' | 'member' | 'unit'>> = {
  BANK_OFFICER: 'bank',
  ENTERPRISE_REP: 'enterprise',
  CPPCC_MEMBER: 'member',
  HANDLING_UNIT: 'unit',
};

function CreateAccountForm(props: { roles: Role[]; onCreated: (username: string) => void }) {
  const t = useText();
  const label = useLabel();
  const client = useQueryClient();
  const [role, setRole] = useState<Role>(props.roles[0]!);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [find, setFind] = useState('');
  const [errors, setErrors] = useState<readonly AccountErrorFieldsFragment[]>([]);
  const [busy, setBusy] = useState(false);
  const kind = ORGANIZATION_KIND[role];
  const candidates = useQuery({
    queryKey: ['account-organizations', kind, find],
    enabled: kind !== undefined && (kind === 'bank' || kind === 'unit' || find.trim().length > 0),
    queryFn: () =>
      request(AccountOrganizationsDocument, {
        search: find.trim(),
        withBanks: kind === 'bank',
        withEnterprises: kind === 'enterprise',
        withMembers: kind === 'member',
        withUnits: kind === 'unit',
      }),
  });
  const options = (() => {
    const d = candidates.data;
    if (!d) return [];
    if (kind === 'bank') return (d.banks ?? []).map((b) => ({ value: b.id, label: b.name }));
    if (kind === 'enterprise') return (d.enterprises?.nodes ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }));
    if (kind === 'member') return (d.cppccMembers?.nodes ?? []).map((m) => ({ value: m.id, label: m.name }));
    const q = find.trim();
    return (d.handlingUnits?.nodes ?? []).filter((u) => !q || u.name.includes(q)).map((u) => ({ value: u.id, label: `${u.name}（${label('CppccLevel', u.level)}）` }));
  })();
  const shown = useAccountErrors(errors, ['input.username', 'input.displayName', 'input.password', 'input.organizationId', 'input.role']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = (
        await request(CreateAccountDocument, {
          input: { username: username.trim(), displayName: displayName.trim(), role, password, ...(kind && organizationId ? { organizationId } : {}) },
        })
      ).createAccount;
      setErrors(result.errors);
      if (result.account) {
        props.onCreated(result.account.username);
        setUsername('');
        setDisplayName('');
        setPassword('');
        setOrganizationId('');
        setFind('');
        void client.invalidateQueries({ queryKey: ['accounts'] });
      }
    } finally {
      setBusy(false);
    }
  };

  if (props.roles.length === 0) return null;
  return (
    <form className="card" onSubmit={submit} aria-label={t('create')}>
      <h2>{t('create')}</h2>
      <div className="grid">
        <div>
          <SelectField
            label={t('role')}
            value={role}
            onChange={(e) => (setRole(e.target.value as Role), setOrganizationId(''), setFind(''))}
            options={props.roles.map((r) => ({ value: r, label: label('Role', r) }))}
          />
          <TextField label={t('username')} value={username} onChange={(e) => setUsername(e.target.value)} required autoComplete="off" error={shown.at('input.username') && (errors.some((e) => e.code === 'DUPLICATE') ? t('taken') : t('badUsername'))} />
          <TextField label={t('displayName')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} required error={shown.at('input.displayName')} />
          <TextField label={t('firstPassword')} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required hint={t('firstPasswordHint')} error={shown.at('input.password') ? t('badPassword') : null} />
        </div>
        {kind && (
          <div>
            {kind !== 'bank' && <TextField label={t('findOrganization')} value={find} onChange={(e) => setFind(e.target.value)} />}
            <SelectField
              label={t('organization')}
              value={organizationId}
              onChange={(e) => setOrganizationId(e.target.value)}
              options={[{ value: '', label: t('pick') }, ...options]}
              error={shown.at('input.organizationId') ? t('badOrganization') : null}
            />
          </div>
        )}
      </div>
      <FormErrors messages={shown.rest} />
      <button type="submit" disabled={busy}>
        {t('createButton')}
      </button>
    </form>
  );
}
