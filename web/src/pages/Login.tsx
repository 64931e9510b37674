import { useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { TextField } from '../components/Field';
import { useErrorText } from '../components/Status';
import { LanguageSwitch } from '../components/Layout';
import { messages } from '../i18n';
import { useSignIn } from '../session';

const useText = messages({
  product: ['东湖示范区创新数据平台', 'East Lake Innovation Zone data platform'],
  subtitle: ['企业、融资、产学研与政协提案，一处登记', 'Enterprises, financing, research and CPPCC proposals in one registry'],
  username: ['用户名', 'Username'],
  password: ['密码', 'Password'],
  signIn: ['登录', 'Sign in'],
  signingIn: ['正在登录…', 'Signing in…'],
  wrong: ['用户名或密码不正确。', 'The username or password is not right.'],
  locked: ['失败次数过多，账户已暂时锁定，请 {minutes} 分钟后再试。', 'Too many failed attempts: try again in {minutes} minute(s).'],
  machines: ['机器客户端请使用服务令牌（npm run token）和 GraphiQL。', 'Machine clients use service tokens (npm run token) and GraphiQL.'],
});

/** The sign-in page: 用户名, 密码, 登录 (issue 15). */
export function Login() {
  const t = useText();
  const errorText = useErrorText();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') setError(t('wrong'));
      else if (err instanceof ApiError && err.code === 'ACCOUNT_LOCKED') {
        setError(t('locked', { minutes: Math.max(1, Math.ceil(Number(err.extensions['retryAfter'] ?? 60) / 60)) }));
      } else setError(errorText(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <div className="login-corner">
        <LanguageSwitch />
      </div>
      <form className="card login-card" onSubmit={submit}>
        <h1>{t('product')}</h1>
        <p className="muted">{t('subtitle')}</p>
        <TextField label={t('username')} name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        <TextField label={t('password')} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
        <p className="muted small">
          {t('machines')} <a href="/graphiql">GraphiQL</a>
        </p>
      </form>
    </main>
  );
}
