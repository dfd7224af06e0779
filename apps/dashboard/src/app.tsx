import { ROLE_LABELS } from '@newsroom/domain';
import { LoginForm } from './features/auth/login-form.tsx';
import { SessionProvider, useSession } from './features/auth/session.tsx';
import { NotificationBell } from './features/notifications/index.ts';
import { Link, usePath } from './lib/router.tsx';
import { matchRoute, routes } from './routes.tsx';

function Shell() {
  const { me, loading, expired, refresh, signOut, can } = useSession();
  const path = usePath();

  if (loading) return <p className="loading">Loading…</p>;
  const matched = matchRoute(path);
  // Pages opened from an emailed link (invite, password reset) work with or without a session.
  if (matched?.route.public) {
    return <main id="main">{matched.route.render(matched.params)}</main>;
  }
  if (!me) {
    return (
      <main className="login-page" id="main">
        <div>
          <LoginForm onSignedIn={refresh} />
          <p className="login-page__help">
            <Link to="/forgot-password">Forgot your password?</Link>
          </p>
        </div>
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
            {routes
              .filter((r) => r.nav && (!r.nav.permission || can(r.nav.permission)))
              .map((r) => (
                <li key={r.nav!.to}>
                  <Link to={r.nav!.to} aria-current={r.pattern.test(path) ? 'page' : undefined}>
                    {r.nav!.label}
                  </Link>
                </li>
              ))}
            <li>
              <a href="/" target="_blank" rel="noreferrer">
                View site
              </a>
            </li>
          </ul>
        </nav>
        <div className="topbar__user">
          <NotificationBell />
          <span>
            {me.user.name} <span className="role">({ROLE_LABELS[me.user.role]})</span>
          </span>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {matched ? matched.route.render(matched.params) : <p>There is no page here. <Link to="/">Go to the articles</Link>.</p>}
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
