import { useState, type FormEvent } from 'react';
import { postJson } from '../../api';
import { TextField } from '../../components/Field';
import { useErrorText } from '../../components/Status';
import { messages } from '../../i18n';
import { useLabel } from '../../labels';
import { useViewer } from '../../session';

const useText = messages({
  title: ['我的账户', 'My account'],
  role: ['角色', 'Role'],
  organization: ['所属单位', 'Organization'],
  none: ['（不代表任何单位）', '(acts for no organization)'],
  changePassword: ['修改密码', 'Change password'],
  current: ['当前密码', 'Current password'],
  next: ['新密码', 'New password'],
  repeat: ['再次输入新密码', 'New password again'],
  mismatch: ['两次输入的新密码不一致。', 'The new passwords differ.'],
  done: ['密码已修改。其他设备上的登录已退出。', 'Password changed. Sessions elsewhere have ended.'],
  save: ['保存', 'Save'],
  wrongCurrent: ['当前密码不正确。', 'The current password is not right.'],
});

/** Who you are signed in as, and changing your password (POST /auth/password). */
export function AccountPage() {
  const t = useText();
  const label = useLabel();
  const errorText = useErrorText();
  const viewer = useViewer().data;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== repeat) return setMessage({ ok: false, text: t('mismatch') });
    setBusy(true);
    try {
      await postJson('/auth/password', { currentPassword: current, newPassword: next });
      setMessage({ ok: true, text: t('done') });
      setCurrent('');
      setNext('');
      setRepeat('');
    } catch (err) {
      const field = (err as { extensions?: Record<string, unknown> }).extensions?.['field'];
      setMessage({ ok: false, text: field === 'currentPassword' ? t('wrongCurrent') : errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  if (!viewer) return null;
  return (
    <div className="page narrow">
      <h1>{t('title')}</h1>
      <dl className="facts">
        <dt>{t('role')}</dt>
        <dd>{label('Role', viewer.role)}</dd>
        <dt>{t('organization')}</dt>
        <dd>{viewer.organization?.name ?? t('none')}</dd>
      </dl>
      <form onSubmit={submit} className="card">
        <h2>{t('changePassword')}</h2>
        <TextField label={t('current')} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
        <TextField label={t('next')} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required minLength={8} />
        <TextField label={t('repeat')} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required />
        {message && (
          <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'}>
            {message.text}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('save')}
        </button>
      </form>
    </div>
  );
}
