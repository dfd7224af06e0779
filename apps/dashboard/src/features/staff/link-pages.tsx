import { useEffect, useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH, ROLE_LABELS, type Role } from '@newsroom/domain';
import { describeError, trpc } from '../../lib/trpc.ts';
import { Link, navigate } from '../../lib/router.tsx';
import { useSession } from '../auth/session.tsx';
import '../settings/admin.css';

function tokenFromUrl(): string {
  return new URLSearchParams(location.search).get('token') ?? '';
}

function usePasswordPair() {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const mismatch = confirm.length > 0 && confirm !== password;
  return { password, setPassword, confirm, setConfirm, mismatch };
}

/** A new password and the same again, as both link pages ask for it; `error` is the server's about the password. */
function PasswordPairFields({ idPrefix, label, pair, error }: { idPrefix: string; label: string; pair: ReturnType<typeof usePasswordPair>; error?: string | undefined }) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-password`}>{label}</label>
        <input
          id={`${idPrefix}-password`}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          value={pair.password}
          onChange={(e) => pair.setPassword(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${idPrefix}-password-hint ${idPrefix}-password-error` : `${idPrefix}-password-hint`}
        />
        <span className="hint" id={`${idPrefix}-password-hint`}>
          At least {PASSWORD_MIN_LENGTH} characters.
        </span>
        {error ? (
          <span className="field-error" id={`${idPrefix}-password-error`}>
            {error}
          </span>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-confirm`}>{label} again</label>
        <input
          id={`${idPrefix}-confirm`}
          type="password"
          name="confirm"
          autoComplete="new-password"
          required
          value={pair.confirm}
          onChange={(e) => pair.setConfirm(e.target.value)}
          aria-invalid={pair.mismatch ? true : undefined}
          aria-describedby={pair.mismatch ? `${idPrefix}-confirm-error` : undefined}
        />
        {pair.mismatch ? (
          <span className="field-error" id={`${idPrefix}-confirm-error`}>
            The two passwords differ.
          </span>
        ) : null}
      </div>
    </>
  );
}

/** /admin/accept-invite?token=…: the invitee chooses a name and password and is signed in. */
export function AcceptInvitePage() {
  const { refresh } = useSession();
  const [token] = useState(tokenFromUrl);
  const [details, setDetails] = useState<{ email: string; name: string; role: Role } | null>(null);
  const [linkError, setLinkError] = useState<string | null>(() => (token ? null : 'This page needs the link from your invitation email.'));
  const [name, setName] = useState('');
  const pair = usePasswordPair();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!token) return;
    trpc.auth.inviteDetails.mutate({ token }).then(
      (found) => {
        setDetails(found);
        setName(found.name);
      },
      (err) => setLinkError(describeError(err).message),
    );
  }, [token]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pair.mismatch) return;
    setBusy(true);
    setError(null);
    try {
      await trpc.auth.acceptInvite.mutate({ token, name, password: pair.password });
      await refresh();
      navigate('/', true);
    } catch (err) {
      const problem = describeError(err);
      setErrors(Object.fromEntries(problem.fieldErrors.map((f) => [f.field, f.message])));
      setError(problem.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="public-page">
      <form className="public-form" onSubmit={submit} aria-labelledby="accept-title">
        <h1 id="accept-title">Join the newsroom</h1>
        {linkError ? (
          <p className="form-error" role="alert">
            {linkError}
          </p>
        ) : details ? (
          <>
            <p>
              You were invited as <strong>{ROLE_LABELS[details.role]}</strong> with the address <strong>{details.email}</strong>. Choose the name readers will see on
              your articles, and a password.
            </p>
            <div className="field">
              <label htmlFor="invite-name">Your name</label>
              <input
                id="invite-name"
                name="name"
                autoComplete="name"
                required
                maxLength={120}
                value={name}
                onChange={(e) => setName(e.target.value)}
                aria-invalid={errors.name ? true : undefined}
                aria-describedby={errors.name ? 'invite-name-error' : undefined}
              />
              {errors.name ? (
                <span className="field-error" id="invite-name-error">
                  {errors.name}
                </span>
              ) : null}
            </div>
            <PasswordPairFields idPrefix="invite" label="Password" pair={pair} error={errors.password} />
            {error ? (
              <p className="form-error" role="alert">
                {error}
              </p>
            ) : null}
            <button type="submit" disabled={busy || pair.mismatch}>
              {busy ? 'Joining…' : 'Join and sign in'}
            </button>
          </>
        ) : (
          <p className="loading">Checking your invitation…</p>
        )}
      </form>
    </div>
  );
}

/** /admin/reset-password?token=…: sets a new password; every session of the account ends. */
export function ResetPasswordPage() {
  const [token] = useState(tokenFromUrl);
  const pair = usePasswordPair();
  const [error, setError] = useState<string | null>(token ? null : 'This page needs the link from your password-reset email.');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pair.mismatch) return;
    setBusy(true);
    setError(null);
    try {
      await trpc.auth.resetPassword.mutate({ token, newPassword: pair.password });
      setDone(true);
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="public-page">
      <form className="public-form" onSubmit={submit} aria-labelledby="reset-title">
        <h1 id="reset-title">Choose a new password</h1>
        {done ? (
          <>
            <p role="status">Your password has been changed, and you have been signed out everywhere.</p>
            <Link to="/">Sign in</Link>
          </>
        ) : (
          <>
            <PasswordPairFields idPrefix="reset" label="New password" pair={pair} />
            {error ? (
              <p className="form-error" role="alert">
                {error}
              </p>
            ) : null}
            <button type="submit" disabled={busy || !token || pair.mismatch}>
              {busy ? 'Saving…' : 'Set the new password'}
            </button>
          </>
        )}
      </form>
    </div>
  );
}

/** /admin/forgot-password: asks for a reset link by email. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await trpc.auth.requestPasswordReset.mutate({ email });
      setSent(true);
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="public-page">
      <form className="public-form" onSubmit={submit} aria-labelledby="forgot-title">
        <h1 id="forgot-title">Forgot your password?</h1>
        {sent ? (
          <p role="status">If that address belongs to a staff account, a link to choose a new password is on its way. It works once, for an hour.</p>
        ) : (
          <>
            <label>
              Email
              <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
            </label>
            {error ? (
              <p className="form-error" role="alert">
                {error}
              </p>
            ) : null}
            <button type="submit" disabled={busy}>
              {busy ? 'Sending…' : 'Email me a link'}
            </button>
            <p className="hint">No email arriving? An administrator can make you a reset link from the Staff page.</p>
          </>
        )}
        <Link to="/">Back to sign in</Link>
      </form>
    </div>
  );
}
