import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { MediaItem } from '@newsroom/domain';
import { describeError, trpc } from '../../lib/trpc.ts';
import { MediaEditDialog, RightsReportPanel } from '../media/index.ts';
import { MediaDialog } from '../media/media-dialog.tsx';
import { formatDate, licenseLabel } from '../media/media-api.ts';
import './rights.css';

const name = (item: MediaItem) => item.altText || item.originalFilename || 'Untitled image';

/** One image from the report: withdraw it at once, or edit its licence. */
function WithdrawDialog({ item, onClose, onEdit, onWithdrawn }: { item: MediaItem; onClose: () => void; onEdit: () => void; onWithdrawn: (item: MediaItem) => void }) {
  const titleId = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function withdraw() {
    setBusy(true);
    setError(null);
    try {
      onWithdrawn(await trpc.media.withdraw.mutate({ id: item.id, reason }));
    } catch (err) {
      setError(describeError(err).message);
      setBusy(false);
    }
  }

  return (
    <MediaDialog labelledBy={titleId} onCancel={onClose} initialFocus={reasonRef} className="rights-dialog">
      <header className="media-dialog__header">
        <h2 id={titleId}>{name(item)}</h2>
        <button type="button" className="button-secondary" onClick={onClose} aria-label="Close">
          ×
        </button>
      </header>
      <div className="rights-dialog__body">
        <img src={item.thumbnailUrl} alt={item.altText} width={160} />
        <p>
          {licenseLabel(item.licenseCode)}
          {item.licenseExpiresAt ? `, until ${formatDate(item.licenseExpiresAt)}` : ''}
          {item.credit ? ` · ${item.credit}` : ''}
        </p>
        <button type="button" className="button-secondary" onClick={onEdit}>
          Edit details and licence…
        </button>
        {item.canUpdate ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void withdraw();
            }}
          >
            <label>
              Why is it withdrawn?
              <textarea ref={reasonRef} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={500} required />
            </label>
            <p className="media-hint">It disappears from every public page, feed and sitemap at once. It can be restored later.</p>
            {error ? (
              <p className="form-error" role="alert">
                {error}
              </p>
            ) : null}
            <button type="submit" className="button-danger" disabled={busy || reason.trim() === ''}>
              {busy ? 'Withdrawing…' : 'Withdraw from the public site'}
            </button>
          </form>
        ) : (
          <p className="media-hint">You may withdraw only images you uploaded.</p>
        )}
      </div>
    </MediaDialog>
  );
}

/** Images taken off the public site, newest first, each restorable by whoever may edit it. */
function WithdrawnList({ refreshKey, onRestored }: { refreshKey: number; onRestored: (item: MediaItem) => void }) {
  const [items, setItems] = useState<MediaItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems(await trpc.media.withdrawn.query({ limit: 200 }));
      setError(null);
    } catch (err) {
      setError(describeError(err).message);
    }
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => void load(), 0);
    return () => clearTimeout(timer);
  }, [load, refreshKey]);

  async function restore(item: MediaItem) {
    setBusy(item.id);
    setError(null);
    try {
      const restored = await trpc.media.restore.mutate({ id: item.id });
      setItems((current) => current?.filter((i) => i.id !== item.id) ?? null);
      onRestored(restored);
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="withdrawn-title" className="rights-withdrawn">
      <h2 id="withdrawn-title">
        Withdrawn images {items ? <span className="media-count">({items.length})</span> : null}
      </h2>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {!items ? <p className="media-hint">Loading…</p> : null}
      {items && items.length === 0 ? <p className="media-hint">No image is withdrawn.</p> : null}
      {items && items.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Image</th>
              <th scope="col">Withdrawn</th>
              <th scope="col">Why</th>
              <th scope="col">Licence</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <span className="rights-report__image">
                    <img src={item.thumbnailUrl} alt={item.altText} width={48} height={48} />
                    <span>{name(item)}</span>
                  </span>
                </td>
                <td>{item.withdrawnAt ? formatDate(item.withdrawnAt) : ''}</td>
                <td>{item.withdrawnReason}</td>
                <td>
                  {licenseLabel(item.licenseCode)}
                  {item.licenseExpiresAt ? <span className="media-hint"> · until {formatDate(item.licenseExpiresAt)}</span> : null}
                </td>
                <td>
                  {item.canUpdate ? (
                    <button type="button" className="button-secondary" disabled={busy === item.id} onClick={() => void restore(item)}>
                      {busy === item.id ? 'Restoring…' : 'Restore'}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/**
 * /admin/rights: licences running out (or run out) and where each image is used, and the images taken off
 * the public site. An image whose licence ran out is withdrawn by the server within a minute; renew the
 * licence (edit the image) and restore it here.
 */
export function RightsPage() {
  const [selected, setSelected] = useState<MediaItem | null>(null);
  const [editing, setEditing] = useState<MediaItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = () => setRefreshKey((k) => k + 1);

  return (
    <section aria-labelledby="rights-title" className="rights-page">
      <div className="page-header">
        <h1 id="rights-title">Rights</h1>
      </div>
      <div role="status" aria-live="polite" className="media-notice">
        {notice}
      </div>
      <RightsReportPanel onOpen={setSelected} refreshKey={refreshKey} />
      <WithdrawnList
        refreshKey={refreshKey}
        onRestored={(item) => {
          setNotice(`Restored “${name(item)}”.`);
          refresh();
        }}
      />

      {selected ? (
        <WithdrawDialog
          key={selected.id}
          item={selected}
          onClose={() => setSelected(null)}
          onEdit={() => {
            setEditing(selected);
            setSelected(null);
          }}
          onWithdrawn={(item) => {
            setSelected(null);
            setNotice(`Withdrew “${name(item)}” from the public site.`);
            refresh();
          }}
        />
      ) : null}
      {editing ? (
        <MediaEditDialog
          key={editing.id}
          item={editing}
          onClose={() => setEditing(null)}
          onSaved={(item) => {
            setEditing(null);
            setNotice(`Saved “${name(item)}”.`);
            refresh();
          }}
          onDeleted={() => {
            setEditing(null);
            setNotice('Image deleted.');
            refresh();
          }}
        />
      ) : null}
    </section>
  );
}
