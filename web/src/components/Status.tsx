import type { ReactNode } from 'react';
import { ApiError } from '../api';
import { messages, type Pair, useLanguage, pick } from '../i18n';

const useText = messages({
  loading: ['正在加载…', 'Loading…'],
  retry: ['重试', 'Retry'],
});

/** What the server's error codes mean to a person, in the reader's language. */
const ERROR_TEXT: Record<string, Pair> = {
  UNAUTHENTICATED: ['登录已失效，请重新登录。', 'Your session has ended: sign in again.'],
  FORBIDDEN: ['您没有查看此内容的权限。', 'You may not see this.'],
  BAD_USER_INPUT: ['输入有误：{message}', 'Invalid input: {message}'],
  RATE_LIMITED: ['请求过于频繁，请稍后再试。', 'Too many requests: try again shortly.'],
  ACCOUNT_LOCKED: ['失败次数过多，账户已暂时锁定，请稍后再试。', 'Too many failed attempts: the account is locked for a while.'],
  SERVICE_UNAVAILABLE: ['服务暂时不可用，请稍后再试。', 'The service is unavailable: try again shortly.'],
  PAYLOAD_TOO_LARGE: ['文件过大。', 'The file is too large.'],
};

/** An error as a sentence the reader can act on. */
export function useErrorText() {
  const { language } = useLanguage();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      const known = ERROR_TEXT[error.code];
      if (known) return pick(known, language, { message: error.message });
      return pick(['出错了：{message}', 'Something went wrong: {message}'], language, { message: error.message });
    }
    if (error instanceof TypeError) return pick(['无法连接服务器，请检查网络。', 'The server cannot be reached.'], language);
    return pick(['出错了：{message}', 'Something went wrong: {message}'], language, { message: String((error as Error)?.message ?? error) });
  };
}

export function ErrorBox(props: { error: unknown; onRetry?: () => void }) {
  const t = useText();
  const text = useErrorText();
  return (
    <div role="alert" className="error-box">
      <span>{text(props.error)}</span>
      {props.onRetry && (
        <button type="button" className="secondary" onClick={props.onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const t = useText();
  return <p className="loading" aria-busy="true">{t('loading')}</p>;
}

/** Loading, an error, or the content once data is there. */
export function Loaded<T>(props: { query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown }; children: (data: T) => ReactNode }) {
  if (props.query.error) return <ErrorBox error={props.query.error} onRetry={() => props.query.refetch()} />;
  if (props.query.isPending || props.query.data === undefined) return <Loading />;
  return <>{props.children(props.query.data)}</>;
}
