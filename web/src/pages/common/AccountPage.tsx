import { useState } from 'react';
import { ChangePasswordForm } from '../../components/ChangePasswordForm';
import { messages } from '../../i18n';
import { useLabel } from '../../labels';
import { useViewer } from '../../session';

const useText = messages({
  title: ['我的账户', 'My account'],
  username: ['用户名', 'Username'],
  name: ['姓名', 'Name'],
  role: ['角色', 'Role'],
  organization: ['所属单位', 'Organization'],
  none: ['（不代表任何单位）', '(acts for no organization)'],
  changePassword: ['修改密码', 'Change password'],
  done: ['密码已修改。其他设备上的登录已退出。', 'Password changed. Sessions elsewhere have ended.'],
});

/** Who you are signed in as, and changing your password. */
export function AccountPage() {
  const t = useText();
  const label = useLabel();
  const viewer = useViewer().data;
  const [done, setDone] = useState(false);
  if (!viewer) return null;
  return (
    <div className="page narrow">
      <h1>{t('title')}</h1>
      <dl className="facts">
        {viewer.account && (
          <>
            <dt>{t('username')}</dt>
            <dd>{viewer.account.username}</dd>
            <dt>{t('name')}</dt>
            <dd>{viewer.account.displayName}</dd>
          </>
        )}
        <dt>{t('role')}</dt>
        <dd>{label('Role', viewer.role)}</dd>
        <dt>{t('organization')}</dt>
        <dd>{viewer.organization?.name ?? t('none')}</dd>
      </dl>
      <section className="card">
        <h2>{t('changePassword')}</h2>
        {done && (
          <p role="status" className="ok">
            {t('done')}
          </p>
        )}
        <ChangePasswordForm onDone={() => setDone(true)} />
      </section>
    </div>
  );
}

/** Shown instead of every page while the account's password was set by someone else (createAccount, a reset). */
export function PasswordChangeRequired(props: { onDone: () => void }) {
  const t = useRequiredText();
  return (
    <main className="login">
      <section className="card login-card">
        <h1>{t('title')}</h1>
        <p>{t('why')}</p>
        <ChangePasswordForm onDone={props.onDone} />
      </section>
    </main>
  );
}

const useRequiredText = messages({
  title: ['请先修改密码', 'Change your password first'],
  why: ['此账户的密码由管理员设置。修改为只有您知道的密码后即可继续使用。', 'This account’s password was set by an administrator: choose one only you know to go on.'],
});
