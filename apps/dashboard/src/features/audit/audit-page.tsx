import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntry, StaffMember } from '@newsroom/domain';
import { describeError, trpc } from '../../lib/trpc.ts';
import '../settings/admin.css';

interface Filters {
  action: string;
  entityType: string;
  actorId: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { action: '', entityType: '', actorId: '', from: '', to: '' };

/** The filters as the server takes them; dates are whole days in the browser's time zone. */
function toQuery(f: Filters) {
  return {
    action: f.action || undefined,
    entityType: f.entityType || undefined,
    actorId: f.actorId || undefined,
    from: f.from ? new Date(`${f.from}T00:00:00`) : undefined,
    to: f.to ? new Date(`${f.to}T23:59:59.999`) : undefined,
  };
}

/** Stored JSON, pretty-printed as text: React escapes it like any other string. */
function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="hint">—</span>;
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

export function AuditPage() {
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [facets, setFacets] = useState<{ actions: string[]; entityTypes: string[] }>({ actions: [], entityTypes: [] });
  const [people, setPeople] = useState<StaffMember[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [download, setDownload] = useState<{ url: string; filename: string; rows: number; truncated: boolean } | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    trpc.audit.facets.query().then(setFacets, () => {});
    trpc.staff.list.query({}).then(setPeople, () => {});
  }, []);

  const load = useCallback(
    async (after: string | null) => {
      const ticket = ++latest.current;
      setLoading(true);
      try {
        const page = await trpc.audit.list.query({ ...toQuery(filters), cursor: after ?? undefined, limit: 50 });
        if (ticket !== latest.current) return;
        setItems((current) => (after ? [...current, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(null);
      } catch (err) {
        if (ticket === latest.current) setError(describeError(err).message);
      } finally {
        if (ticket === latest.current) setLoading(false);
      }
    },
    [filters],
  );

  useEffect(() => {
    const timer = setTimeout(() => void load(null), 0);
    return () => clearTimeout(timer);
  }, [load]);

  // A made file is let go when another is made or the page closes.
  useEffect(() => () => (download ? URL.revokeObjectURL(download.url) : undefined), [download]);

  async function exportCsv() {
    setError(null);
    try {
      const result = await trpc.audit.exportCsv.query(toQuery(filters));
      const blob = new Blob([result.csv], { type: 'text/csv;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      setDownload({ url, filename: result.filename, rows: result.rows, truncated: result.truncated });
      // Start the download at once; the link stays for another try.
      const a = document.createElement('a');
      a.href = url;
      a.download = result.filename;
      document.body.append(a);
      a.click();
      a.remove();
    } catch (err) {
      setError(describeError(err).message);
    }
  }

  const set = (key: keyof Filters) => (event: { target: { value: string } }) => setFilters((f) => ({ ...f, [key]: event.target.value }));

  return (
    <section aria-labelledby="audit-title">
      <div className="page-header">
        <h1 id="audit-title">Audit log</h1>
        <button type="button" onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </div>
      {download ? (
        <p className="notice notice--ok" role="status">
          <a href={download.url} download={download.filename}>
            Download {download.filename}
          </a>{' '}
          ({download.rows} rows{download.truncated ? '; the most an export holds — narrow the filters for the rest' : ''})
        </p>
      ) : null}
      <div className="filters" role="search">
        <label>
          Action
          <select value={filters.action} onChange={set('action')}>
            <option value="">Any</option>
            {[...new Set(facets.actions.map((a) => a.split('.')[0]!))].map((family) => (
              <optgroup key={family} label={family}>
                <option value={family}>Any {family} action</option>
                {facets.actions
                  .filter((a) => a.startsWith(`${family}.`))
                  .map((a) => (
                    <option key={a} value={a}>
                      {a}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          Record type
          <select value={filters.entityType} onChange={set('entityType')}>
            <option value="">Any</option>
            {facets.entityTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Who
          <select value={filters.actorId} onChange={set('actorId')}>
            <option value="">Anyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={filters.from} onChange={set('from')} />
        </label>
        <label>
          To
          <input type="date" value={filters.to} onChange={set('to')} />
        </label>
        <button type="button" className="secondary" onClick={() => setFilters(EMPTY)} disabled={JSON.stringify(filters) === JSON.stringify(EMPTY)}>
          Clear filters
        </button>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <table className="table audit-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Record</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
            <th scope="col">From where</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.at.toISOString()}>{entry.at.toLocaleString()}</time>
              </td>
              <td>{entry.actorLabel}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>
                {entry.entityType}
                {entry.entityId ? <span className="hint"> {entry.entityId}</span> : null}
              </td>
              <td>
                <Json value={entry.before} />
              </td>
              <td>
                <Json value={entry.after} />
              </td>
              <td>
                {entry.ip ?? '—'}
                {entry.userAgent ? <div className="hint">{entry.userAgent}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && items.length === 0 ? <p>Nothing recorded matches these filters.</p> : null}
      {cursor ? (
        <button type="button" className="secondary" onClick={() => void load(cursor)} disabled={loading}>
          {loading ? 'Loading…' : 'Show older entries'}
        </button>
      ) : null}
    </section>
  );
}
