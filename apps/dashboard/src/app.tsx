import { ROLE_LABELS } from '@newsroom/domain';
import { ArticleList } from './features/articles/article-list.tsx';
import { LoginForm } from './features/auth/login-form.tsx';
import { SessionProvider, useSession } from './features/auth/session.tsx';
import { Link, usePath } from './lib/router.tsx';

function Shell() {
  const { me, loading, expired, refresh, signOut } = useSession();
  const path = usePath();

  if (loading) return <p className="loading">Loading…</p>;
  if (!me) {
    return (
      <main className="login-page" id="main">
        <LoginForm onSignedIn={refresh} />
      </main>
    );
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="topbar__brand">
          Newsroom
        </Link>
        <nav aria-label="Dashboard">
          <ul>
            <li>
              <Link to="/" aria-current={path === '/' ? 'page' : undefined}>
                Articles
              </Link>
            </li>
            <li>
              <a href="/" target="_blank" rel="noreferrer">
                View site
              </a>
            </li>
          </ul>
        </nav>
        <div className="topbar__user">
          <span>
            {me.user.name} <span className="role">({ROLE_LABELS[me.user.role]})</span>
          </span>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <ArticleList />
      </main>
      {expired ? (
        <div className="modal" role="dialog" aria-modal="true" aria-labelledby="login-title">
          <div className="modal__body">
            <p>Your session has ended. Sign in again to carry on: your open work is kept.</p>
            <LoginForm onSignedIn={refresh} title="Sign in again" />
          </div>
        </div>
      ) : null}
    </div>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}
