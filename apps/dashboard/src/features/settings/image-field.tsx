import { useEffect, useId, useState, type ReactNode } from 'react';
import type { MediaItem } from '@newsroom/domain';
import { describeError, trpc } from '../../lib/trpc.ts';
import { MediaPickerDialog } from '../media/index.ts';
import type { PreviewImage } from './settings-form.ts';

interface ImageFieldProps {
  label: string;
  mediaId: string | null;
  disabled: boolean;
  error: string | undefined;
  onChange(mediaId: string | null): void;
  /** Tells the form which image is shown, for the live preview. */
  onPreview?(image: PreviewImage | null): void;
  /** More that belongs with the image: the logo's alt text, the icon's explanation. */
  children?: ReactNode;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Picks an image with the media library's picker (which can also upload), or by an image id pasted in,
 * with a preview of the one chosen.
 */
export function ImageField({ label, mediaId, disabled, error, onChange, onPreview, children }: ImageFieldProps) {
  const id = useId();
  const [found, setFound] = useState<{ id: string; item: MediaItem | null; error: string | null } | null>(null);
  const [picking, setPicking] = useState(false);
  // Kept in state: an `open` derived from the typed text would shut the box the moment the id became whole.
  const [byIdOpen, setByIdOpen] = useState(false);
  const [typed, setTyped] = useState(mediaId ?? '');
  // The id box follows a choice made elsewhere (the picker, a reset), as React suggests: during render.
  const [typedFor, setTypedFor] = useState(mediaId);
  if (typedFor !== mediaId) {
    setTypedFor(mediaId);
    setTyped(mediaId ?? '');
  }
  const item = found && found.id === mediaId ? found.item : null;
  const lookupError = found && found.id === mediaId ? found.error : null;

  useEffect(() => {
    let live = true;
    if (!mediaId) return;
    trpc.media.get.query({ id: mediaId }).then(
      (media) => {
        if (!live) return;
        setFound({ id: mediaId, item: media, error: null });
        onPreview?.({ url: media.url, width: media.width, height: media.height });
      },
      (err) => {
        if (!live) return;
        setFound({ id: mediaId, item: null, error: describeError(err).message });
        onPreview?.(null);
      },
    );
    return () => {
      live = false;
    };
    // onPreview is a setter from the parent; only the id matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mediaId]);

  const shownError = error ?? lookupError ?? undefined;

  return (
    <fieldset className="image-field" disabled={disabled}>
      <legend>{label}</legend>
      <div className="image-field__body">
        <div className="image-field__preview">
          {item ? <img src={item.thumbnailUrl} alt="" width={96} height={96} /> : <span className="hint">{mediaId ? 'Loading…' : 'None'}</span>}
        </div>
        <div className="image-field__controls">
          <div className="row-actions">
            <button type="button" className="secondary" onClick={() => setPicking(true)}>
              Choose {label.toLowerCase()} from the library…
            </button>
            {mediaId ? (
              <button type="button" className="secondary" onClick={() => onChange(null)}>
                No {label.toLowerCase()}
              </button>
            ) : null}
          </div>
          {item ? <span className="hint">{item.originalFilename || item.id}{item.width && item.height ? ` (${item.width}×${item.height})` : ''}</span> : null}
          {/* For an id copied from elsewhere (the media library's detail view); the picker is the usual way. */}
          <details className="image-field__by-id" open={byIdOpen} onToggle={(e) => setByIdOpen(e.currentTarget.open)}>
            <summary>Use an image id</summary>
            <label>
              {label} image id
              <input
                aria-invalid={shownError ? true : undefined}
                aria-describedby={shownError ? `${id}-error` : undefined}
                value={typed}
                spellCheck={false}
                placeholder="00000000-0000-0000-0000-000000000000"
                onChange={(e) => {
                  setTyped(e.target.value);
                  const value = e.target.value.trim();
                  if (value === '') onChange(null);
                  else if (UUID.test(value)) onChange(value.toLowerCase());
                }}
              />
            </label>
          </details>
          {shownError ? (
            <span className="field-error" id={`${id}-error`}>
              {shownError}
            </span>
          ) : null}
        </div>
      </div>
      {children}
      {picking ? (
        <MediaPickerDialog
          title={`Choose the ${label.toLowerCase()}`}
          onCancel={() => setPicking(false)}
          onPick={(picked) => {
            setPicking(false);
            onChange(picked.id);
          }}
        />
      ) : null}
    </fieldset>
  );
}
