import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { REDIRECT_STATUSES, RESERVED_PATH_PREFIXES, type Redirect } from '@newsroom/domain';
import { describeError, trpc } from '../../lib/trpc.ts';
import '../settings/admin.css';

type Status = (typeof REDIRECT_STATUSES)[number];

const STATUS_LABELS: Record<Status, string> = {
  301: '301 Moved permanently',
  302: '302 Found (temporary)',
  307: '307 Temporary, same method',
  308: '308 Permanent, same method',
};

export function RedirectsPage() {
  const [items, setItems] = useState<Redirect[]>([]);
  const [query, setQuery] = useState('');
  const [fromPath, setFromPath] = useState('');
  const [toPath, setToPath] = useState('');
  const [statusCode, setStatusCode] = useState<Status>(301);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems(await trpc.redirects.list.query({ query: query.trim() || undefined }));
    } catch (err) {
      setError(describeError(err).message);
    }
  }, [query]);

  useEffect(() => {
    const timer = setTimeout(() => void load(), query ? 250 : 0);
    return () => clearTimeout(timer);
  }, [load, query]);

  async function add(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setMessage(null);
    try {
      const created = await trpc.redirects.create.mutate({ fromPath, toPath, statusCode });
      setItems((current) => [created, ...current]);
      setFromPath('');
      setToPath('');
      setErrors({});
      setMessage(`${created.fromPath} now redirects to ${created.toPath}.`);
    } catch (err) {
      const problem = describeError(err);
      setErrors(Object.fromEntries(problem.fieldErrors.map((f) => [f.field, f.message])));
      setError(problem.fieldErrors.length ? null : problem.message);
    }
  }

  async function remove(redirect: Redirect) {
    setError(null);
    try {
      await trpc.redirects.remove.mutate({ id: redirect.id });
      setItems((current) => current.filter((r) => r.id !== redirect.id));
      setConfirming(null);
      setMessage(`The redirect from ${redirect.fromPath} is removed.`);
    } catch (err) {
      setError(describeError(err).message);
    }
  }

  return (
    <section aria-labelledby="redirects-title">
      <div className="page-header">
        <h1 id="redirects-title">Redirects</h1>
      </div>
      <p className="hint">
        Send visitors from an old address to a new one. They apply only to paths the site does not serve itself; a published article whose address changes gets one
        automatically. Paths under {RESERVED_PATH_PREFIXES.join(', ')} cannot redirect.
      </p>
      <form className="inline-form" onSubmit={add} aria-label="Add a redirect" noValidate>
        <div className="field">
          <label htmlFor="redirect-from">From path</label>
          <input
            id="redirect-from"
            value={fromPath}
            required
            placeholder="/old/address"
            spellCheck={false}
            onChange={(e) => setFromPath(e.target.value)}
            aria-invalid={errors.fromPath ? true : undefined}
            aria-describedby={errors.fromPath ? 'redirect-from-error' : undefined}
          />
          {errors.fromPath ? (
            <span className="field-error" id="redirect-from-error">
              {errors.fromPath}
            </span>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="redirect-to">To</label>
          <input
            id="redirect-to"
            value={toPath}
            required
            placeholder="/new/address or https://…"
            spellCheck={false}
            onChange={(e) => setToPath(e.target.value)}
            aria-invalid={errors.toPath ? true : undefined}
            aria-describedby={errors.toPath ? 'redirect-to-error' : undefined}
          />
          {errors.toPath ? (
            <span className="field-error" id="redirect-to-error">
              {errors.toPath}
            </span>
          ) : null}
        </div>
        <label>
          Kind
          <select value={statusCode} onChange={(e) => setStatusCode(Number(e.target.value) as Status)}>
            {REDIRECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          {errors.statusCode ? <span className="field-error">{errors.statusCode}</span> : null}
        </label>
        <button type="submit">Add redirect</button>
      </form>
      <div aria-live="polite">{message ? <p className="notice notice--ok">{message}</p> : null}</div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="filters" role="search">
        <label>
          Search
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Part of either address" />
        </label>
      </div>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Kind</th>
            <th scope="col">Made</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td>
                <code>{r.fromPath}</code>
              </td>
              <td>
                <code>{r.toPath}</code>
              </td>
              <td>
                {r.statusCode}
                {r.articleId ? <span className="hint"> (article address change)</span> : null}
              </td>
              <td>{r.createdAt.toLocaleDateString()}</td>
              <td>
                {confirming === r.id ? (
                  <span className="row-actions">
                    <button type="button" className="danger" onClick={() => void remove(r)}>
                      Remove {r.fromPath}
                    </button>
                    <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                      Keep
                    </button>
                  </span>
                ) : (
                  <button type="button" className="secondary" onClick={() => setConfirming(r.id)} aria-label={`Remove the redirect from ${r.fromPath}`}>
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length === 0 ? <p>No redirects{query ? ' match that search' : ' yet'}.</p> : null}
    </section>
  );
}
