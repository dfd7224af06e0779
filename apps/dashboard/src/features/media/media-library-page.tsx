import { useId, useRef, useState } from 'react';
import type { MediaItem } from '@newsroom/domain';
import { MediaDialog } from './media-dialog.tsx';
import { MediaEditForm } from './media-edit-form.tsx';
import { MediaGrid } from './media-grid.tsx';
import { useMediaList } from './media-hooks.ts';
import { MediaUploader } from './media-uploader.tsx';
import { RightsReportPanel } from './rights-report.tsx';
import './media.css';

/** The edit form in a modal, with focus on the alt text. */
export function MediaEditDialog({ item, onClose, onSaved, onDeleted }: { item: MediaItem; onClose: () => void; onSaved: (item: MediaItem) => void; onDeleted: (id: string) => void }) {
  const titleId = useId();
  const altText = useRef<HTMLTextAreaElement>(null);
  return (
    <MediaDialog labelledBy={titleId} onCancel={onClose} initialFocus={altText} className="media-dialog--edit">
      <header className="media-dialog__header">
        <h2 id={titleId}>{item.canUpdate ? 'Edit image' : 'Image details'}</h2>
        <button type="button" className="button-secondary" onClick={onClose} aria-label="Close">
          ×
        </button>
      </header>
      <MediaEditForm item={item} titleId={titleId} altTextRef={altText} onSaved={onSaved} onDeleted={onDeleted} onCancel={onClose} />
    </MediaDialog>
  );
}

/** /admin/media: upload, search and browse the library, and edit each image's description and rights. */
export function MediaLibraryPage() {
  const [query, setQuery] = useState('');
  const [onlyMine, setOnlyMine] = useState(false);
  const [expiring, setExpiring] = useState(false);
  const list = useMediaList({ query, onlyMine, expiringWithinDays: expiring ? 30 : undefined });
  const [editing, setEditing] = useState<MediaItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reportKey, setReportKey] = useState(0);

  return (
    <section aria-labelledby="media-title" className="media-page">
      <div className="page-header">
        <h1 id="media-title">Media library</h1>
      </div>
      {/* After an upload the alt text is what is missing: the first new image opens straight away. */}
      <MediaUploader onUploaded={list.upsert} onFinished={(items) => items[0] && setEditing(items[0])} />

      <div className="filters" role="search" aria-label="Media">
        <label>
          Search
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Alt text, caption, credit or file name" />
        </label>
        <label className="media-check">
          <input type="checkbox" checked={onlyMine} onChange={(e) => setOnlyMine(e.target.checked)} /> Only my uploads
        </label>
        <label className="media-check">
          <input type="checkbox" checked={expiring} onChange={(e) => setExpiring(e.target.checked)} /> Licence ending within 30 days
        </label>
      </div>

      <div role="status" aria-live="polite" className="media-notice">
        {notice}
      </div>
      {list.error ? (
        <p className="form-error" role="alert">
          {list.error}
        </p>
      ) : null}

      <MediaGrid items={list.items} onSelect={(item) => setEditing(item)} label="Images" />
      {!list.loading && list.items.length === 0 && !list.error ? <p>{query || onlyMine || expiring ? 'No images match.' : 'No images yet. Upload the first one above.'}</p> : null}
      <div className="media-more">
        {list.hasMore ? (
          <button type="button" onClick={list.loadMore} disabled={list.loading}>
            {list.loading ? 'Loading…' : 'Load more'}
          </button>
        ) : null}
        {list.loading && !list.hasMore ? <span className="media-hint">Loading…</span> : null}
      </div>

      <details className="media-rights">
        <summary>Licences ending soon</summary>
        <RightsReportPanel onOpen={setEditing} refreshKey={reportKey} />
      </details>

      {editing ? (
        <MediaEditDialog
          key={editing.id}
          item={editing}
          onClose={() => setEditing(null)}
          onSaved={(item) => {
            list.upsert(item);
            setEditing(null);
            setNotice(`Saved “${item.altText}”.`);
            setReportKey((k) => k + 1);
          }}
          onDeleted={(id) => {
            list.remove(id);
            setEditing(null);
            setNotice('Image deleted.');
            setReportKey((k) => k + 1);
          }}
        />
      ) : null}
    </section>
  );
}
