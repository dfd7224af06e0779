import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { ALT_TEXT_REQUIRED_MESSAGE, MEDIA_TEXT_LIMITS, type MediaItem } from '@newsroom/domain';
import { describeError, trpc } from '../../lib/trpc.ts';
import { displayUrl, licenseLabel, rememberMedia, toImageChoice, unusableReason, type ImageChoice } from './media-api.ts';
import { MediaDialog } from './media-dialog.tsx';
import { MediaGrid } from './media-grid.tsx';
import { useMediaList } from './media-hooks.ts';
import { MediaUploader } from './media-uploader.tsx';
import './media.css';

interface MediaPickerDialogProps {
  /** Called with an image that has alt text, is not withdrawn and whose licence has not run out. */
  onPick: (item: MediaItem) => void;
  onCancel: () => void;
  title?: string;
}

/**
 * Choose an image from the library, or upload one, to put on a page. Only images with alt text can be
 * chosen: one without gets an alt text field right here, saved before it is used.
 */
export function MediaPickerDialog({ onPick, onCancel, title = 'Choose an image' }: MediaPickerDialogProps) {
  const titleId = useId();
  const id = useId();
  const search = useRef<HTMLInputElement>(null);
  const altField = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState('');
  const list = useMediaList({ query, onlyMine: false }, 24);
  const [selected, setSelected] = useState<MediaItem | null>(null);
  const [altText, setAltText] = useState('');
  const [altError, setAltError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Set when an upload selects its image, so the alt text field gets focus once it is drawn.
  const focusAltNext = useRef(false);

  useEffect(() => {
    if (focusAltNext.current) {
      focusAltNext.current = false;
      altField.current?.focus();
    }
  }, [selected]);

  function select(item: MediaItem, options: { focusAlt?: boolean } = {}) {
    setSelected(item);
    setAltText(item.altText);
    setAltError(null);
    focusAltNext.current = options.focusAlt === true && !item.altText.trim();
  }

  const reason = selected ? unusableReason(selected) : null;
  const needsAlt = reason?.code === 'noAltText';
  const canFixAlt = needsAlt && selected?.canUpdate === true;

  async function saveAltAndPick(event: FormEvent) {
    event.preventDefault();
    if (!selected) return;
    if (!altText.trim()) {
      setAltError(ALT_TEXT_REQUIRED_MESSAGE);
      altField.current?.focus();
      return;
    }
    setSaving(true);
    try {
      const saved = await trpc.media.update.mutate({ id: selected.id, altText });
      rememberMedia([saved]);
      list.upsert(saved);
      setSelected(saved);
      if (!unusableReason(saved)) onPick(saved);
    } catch (err) {
      const described = describeError(err);
      setAltError(described.fieldErrors.find((f) => f.field === 'altText')?.message ?? described.message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <MediaDialog labelledBy={titleId} onCancel={onCancel} initialFocus={search} className="media-dialog--picker">
      <header className="media-dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button-secondary" onClick={onCancel} aria-label="Close">
          ×
        </button>
      </header>
      <div className="media-picker">
        <div className="media-picker__browse">
          <MediaUploader compact onUploaded={list.upsert} onFinished={(items) => items[0] && select(items[0], { focusAlt: true })} />
          <div className="filters" role="search" aria-label="Media">
            <label>
              Search the library
              <input ref={search} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Alt text, caption, credit or file name" />
            </label>
          </div>
          {list.error ? (
            <p className="form-error" role="alert">
              {list.error}
            </p>
          ) : null}
          <MediaGrid items={list.items} onSelect={(item) => select(item)} selectedId={selected?.id ?? null} label="Images" />
          {!list.loading && list.items.length === 0 && !list.error ? <p>{query ? 'No images match.' : 'No images yet: upload one above.'}</p> : null}
          {list.hasMore ? (
            <button type="button" onClick={list.loadMore} disabled={list.loading}>
              {list.loading ? 'Loading…' : 'Load more'}
            </button>
          ) : null}
        </div>

        <aside className="media-picker__detail" aria-label="Chosen image">
          {selected ? (
            <form
              onSubmit={(event) => {
                if (canFixAlt) return void saveAltAndPick(event);
                event.preventDefault();
                if (!reason) onPick(selected);
              }}
              noValidate
            >
              <img src={displayUrl(selected)} alt={selected.altText} className="media-picker__preview" />
              <p className="media-picker__name">{selected.originalFilename}</p>
              {selected.caption ? <p>{selected.caption}</p> : null}
              <p className="media-hint">
                {[selected.credit ?? selected.creator, licenseLabel(selected.licenseCode)].filter(Boolean).join(' · ')}
              </p>
              {canFixAlt ? (
                <div className="media-field">
                  <label htmlFor={`${id}-alt`}>
                    Alt text<span className="media-required"> (required)</span>
                  </label>
                  <textarea
                    ref={altField}
                    id={`${id}-alt`}
                    rows={3}
                    required
                    maxLength={MEDIA_TEXT_LIMITS.altText}
                    value={altText}
                    aria-invalid={altError ? true : undefined}
                    aria-describedby={`${id}-alt-hint${altError ? ` ${id}-alt-error` : ''}`}
                    onChange={(e) => setAltText(e.target.value)}
                  />
                  <p id={`${id}-alt-hint`} className="media-hint">
                    This image has no alt text yet. Describe what it shows for readers who cannot see it; it is saved to the library.
                  </p>
                  {altError ? (
                    <p id={`${id}-alt-error`} className="media-field-error" role="alert">
                      {altError}
                    </p>
                  ) : null}
                </div>
              ) : reason ? (
                <p className="form-error" role="alert">
                  {reason.message} {needsAlt ? 'Ask the person who uploaded it or an editor to add alt text.' : 'Choose another image.'}
                </p>
              ) : (
                <p className="media-picker__alt">
                  <span className="media-hint">Alt text: </span>
                  {selected.altText}
                </p>
              )}
              <div className="media-edit__actions">
                <button type="submit" disabled={saving || (reason !== null && !canFixAlt)}>
                  {canFixAlt ? (saving ? 'Saving…' : 'Save alt text and use image') : 'Use this image'}
                </button>
                <button type="button" className="button-secondary" onClick={onCancel}>
                  Cancel
                </button>
              </div>
            </form>
          ) : (
            <p className="media-hint">Choose an image from the library, or upload one.</p>
          )}
        </aside>
      </div>
    </MediaDialog>
  );
}

/**
 * Opens the picker over whatever is on screen and resolves with the chosen image, or null when it is
 * closed. The article editor's `pickImage` prop takes this as it is.
 */
export function openMediaPicker(options: { title?: string } = {}): Promise<ImageChoice | null> {
  return new Promise((resolve) => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    let settled = false;
    const finish = (choice: ImageChoice | null) => {
      if (settled) return;
      settled = true;
      resolve(choice);
      // Unmounted after this event is handled: React does not unmount a root from inside its own update.
      setTimeout(() => {
        root.unmount();
        host.remove();
      });
    };
    root.render(<MediaPickerDialog title={options.title} onPick={(item) => finish(toImageChoice(item))} onCancel={() => finish(null)} />);
  });
}

/** For the article editor: `pickImage={useImagePicker()}`. */
export function useImagePicker(): () => Promise<ImageChoice | null> {
  return openMediaPicker;
}
