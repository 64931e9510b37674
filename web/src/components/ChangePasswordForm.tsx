import { useState, type FormEvent } from 'react';
import { ApiError, postJson } from '../api';
import { messages } from '../i18n';
import { TextField } from './Field';
import { useErrorText } from './Status';

const useText = messages({
  current: ['当前密码', 'Current password'],
  next: ['新密码', 'New password'],
  repeat: ['再次输入新密码', 'New password again'],
  hint: ['10 至 128 个字符，不能与用户名相同。', '10 to 128 characters, not the username.'],
  mismatch: ['两次输入的新密码不一致。', 'The new passwords differ.'],
  save: ['保存新密码', 'Save the new password'],
  wrongCurrent: ['当前密码不正确。', 'The current password is not right.'],
  weak: ['新密码不符合要求：10 至 128 个字符，不能与用户名相同。', 'The new password does not qualify: 10 to 128 characters, not the username.'],
});

/** Changing one's own password (POST /auth/password): other sessions end, this one goes on under a new id. */
export function ChangePasswordForm(props: { onDone: () => void }) {
  const t = useText();
  const errorText = useErrorText();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== repeat) return setError(t('mismatch'));
    setBusy(true);
    setError(null);
    try {
      await postJson('/auth/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setRepeat('');
      props.onDone();
    } catch (err) {
      const field = err instanceof ApiError ? err.extensions['field'] : undefined;
      if (field === 'currentPassword') setError(t('wrongCurrent'));
      else if (field === 'newPassword' || field === 'password') setError(t('weak'));
      else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit}>
      <TextField label={t('current')} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
      <TextField label={t('next')} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required minLength={10} maxLength={128} hint={t('hint')} />
      <TextField label={t('repeat')} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('save')}
      </button>
    </form>
  );
}
