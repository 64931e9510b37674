import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { messages, pick, useLanguage } from '../i18n';
import { useLabel } from '../labels';
import type { Page } from '../pages/page';
import { useSignOut, type SignedIn } from '../session';

const useText = messages({
  product: ['东湖示范区创新数据平台', 'East Lake Innovation Zone'],
  signOut: ['退出', 'Sign out'],
  language: ['语言', 'Language'],
});

export function LanguageSwitch() {
  const { language, setLanguage } = useLanguage();
  const t = useText();
  return (
    <div className="language" role="group" aria-label={t('language')}>
      <button type="button" className={language === 'zh' ? 'link active' : 'link'} aria-pressed={language === 'zh'} onClick={() => setLanguage('zh')}>
        中文
      </button>
      <button type="button" className={language === 'en' ? 'link active' : 'link'} aria-pressed={language === 'en'} onClick={() => setLanguage('en')}>
        English
      </button>
    </div>
  );
}

/** The frame of every page once signed in: the product, the role's pages, who is signed in, language, sign out. */
export function Layout(props: { viewer: SignedIn; pages: Page[]; children: ReactNode }) {
  const t = useText();
  const label = useLabel();
  const { language } = useLanguage();
  const signOut = useSignOut();
  const [location] = useLocation();
  // The nav entry of this location: the one whose path it is, else the longest whose path it lies under
  // (/proposals/new is 起草提案, not also 我的提案; /proposals/42 is under 我的提案).
  const within = (page: Page) => location === page.path || (page.path !== '/' && location.startsWith(`${page.path}/`));
  const current = props.pages.filter((p) => p.nav && within(p)).sort((a, b) => b.path.length - a.path.length)[0];
  const active = (page: Page) => page === current;
  return (
    <div className="app">
      <header className="top">
        <Link href="/" className="brand">
          {t('product')}
        </Link>
        <div className="who">
          {props.viewer.account && <span className="name">{props.viewer.account.displayName}</span>}
          <span className="role">{label('Role', props.viewer.role)}</span>
          {props.viewer.organization && <span className="org">{props.viewer.organization.name}</span>}
          <LanguageSwitch />
          <button type="button" className="link" onClick={() => void signOut()}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <div className="body">
        <nav className="side" aria-label="pages">
          <ul>
            {props.pages
              .filter((p) => p.nav)
              .map((p) => (
                <li key={p.path}>
                  <Link href={p.path} className={active(p) ? 'active' : undefined} aria-current={active(p) ? 'page' : undefined}>
                    {pick(p.title, language)}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <main className="content">{props.children}</main>
      </div>
    </div>
  );
}
