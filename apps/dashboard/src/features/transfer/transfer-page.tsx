import { useState, type FormEvent } from 'react';
import { useSession } from '../auth/session.tsx';

/**
 * Export the whole publication to one archive, and import such an archive into an empty publication.
 * The work is done by GET /api/export and POST /api/import, which check the session and permissions.
 */
export function TransferPage() {
  const { can } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function importArchive(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch('/api/import', { method: 'POST', headers: { 'content-type': 'application/zip' }, body: file, credentials: 'same-origin' });
      const body = (await response.json().catch(() => ({}))) as { imported?: Record<string, number>; error?: { message: string } };
      if (response.ok) {
        const counts = Object.entries(body.imported ?? {})
          .map(([what, n]) => `${n} ${what}`)
          .join(', ');
        setMessage({ kind: 'ok', text: `Imported: ${counts || 'everything in the archive'}.` });
      } else {
        setMessage({ kind: 'error', text: body.error?.message ?? `The import failed (HTTP ${response.status}).` });
      }
    } catch {
      setMessage({ kind: 'error', text: 'The server could not be reached. Nothing was imported.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="transfer-title">
      <h1 id="transfer-title">Export and import</h1>
      {can('data.export') ? (
        <>
          <h2>Export</h2>
          <p>One zip with the settings, sections, tags, staff (without passwords), articles with their revisions and corrections, redirects and every stored image.</p>
          <p>
            <a className="button" href="/api/export" download>
              Download the archive
            </a>
          </p>
        </>
      ) : null}
      {can('data.import') ? (
        <form onSubmit={importArchive}>
          <h2>Import</h2>
          <p>Restores an archive into this publication. It must be empty: no articles, sections, tags, images or redirects, and no staff but you.</p>
          <label>
            Archive (.zip)
            <input type="file" accept=".zip,application/zip" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
          <button type="submit" disabled={!file || busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
          {message ? (
            <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'form-error' : undefined}>
              {message.text}
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
