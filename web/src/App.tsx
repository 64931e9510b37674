import { Redirect, Route, Switch } from 'wouter';
import { ApiError } from './api';
import { Layout } from './components/Layout';
import { PasswordChangeRequired } from './pages/common/AccountPage';
import { ErrorBox, Loading } from './components/Status';
import { messages } from './i18n';
import { PAGES_BY_ROLE } from './pages';
import { Login } from './pages/Login';
import { useViewer } from './session';

const useText = messages({
  notFound: ['没有这个页面。', 'There is no such page.'],
});

function NotFound() {
  const t = useText();
  return <p className="page">{t('notFound')}</p>;
}

/** Signed out: the sign-in page. Signed in: the role's pages, its first page at `/`. */
export function App() {
  const viewer = useViewer();
  if (viewer.error instanceof ApiError && viewer.error.extensions['reason'] === 'PASSWORD_CHANGE_REQUIRED') {
    return <PasswordChangeRequired onDone={() => void viewer.refetch()} />;
  }
  if (viewer.error) return <ErrorBox error={viewer.error} onRetry={() => viewer.refetch()} />;
  if (viewer.isPending) return <Loading />;
  if (!viewer.data) return <Login />;
  const pages = PAGES_BY_ROLE[viewer.data.role];
  return (
    <Layout viewer={viewer.data} pages={pages}>
      <Switch>
        <Route path="/">
          <Redirect to={pages[0]!.path} replace />
        </Route>
        {pages.map((page) => (
          <Route key={page.path} path={page.path} component={page.component} />
        ))}
        <Route component={NotFound} />
      </Switch>
    </Layout>
  );
}
