import { useEffect, useId, useRef, useState, type FormEvent, type ReactElement, type RefObject } from 'react';
import { ALT_TEXT_REQUIRED_MESSAGE, LICENSE_CODES, LICENSES, MEDIA_TEXT_LIMITS, type MediaItem, type MediaUsage } from '@newsroom/domain';
import { Link } from '../../lib/router.tsx';
import { describeError, trpc, type FieldError } from '../../lib/trpc.ts';
import { displayUrl, forgetMedia, formatBytes, formatDate, rememberMedia, toDateInput } from './media-api.ts';
import './media.css';

interface Draft {
  altText: string;
  caption: string;
  creator: string;
  credit: string;
  copyrightHolder: string;
  licenseCode: string;
  licenseUrl: string;
  licenseExpiresAt: string;
  usageNotes: string;
}

function draftOf(item: MediaItem): Draft {
  return {
    altText: item.altText,
    caption: item.caption,
    creator: item.creator ?? '',
    credit: item.credit ?? '',
    copyrightHolder: item.copyrightHolder ?? '',
    licenseCode: item.licenseCode ?? '',
    licenseUrl: item.licenseUrl ?? '',
    licenseExpiresAt: toDateInput(item.licenseExpiresAt),
    usageNotes: item.usageNotes,
  };
}

const FIELD_LABELS: Record<keyof Draft, string> = {
  altText: 'Alt text',
  caption: 'Caption',
  creator: 'Creator',
  credit: 'Credit',
  copyrightHolder: 'Copyright holder',
  licenseCode: 'Licence',
  licenseUrl: 'Licence URL',
  licenseExpiresAt: 'Licence expires on',
  usageNotes: 'Usage notes',
};

const WHERE_LABELS = { body: 'in the text', featured: 'featured image', social: 'share image' } as const;
const SETTINGS_LABELS = { logo: 'Publication logo', icon: 'Site icon', defaultShare: 'Default share image' } as const;
const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
  archived: 'Archived',
};

/** Where an image is used, in a list; articles link to their editor. */
export function MediaUsageList({ usage }: { usage: MediaUsage }) {
  if (!usage.inUse) return <p className="media-hint">Not used anywhere yet.</p>;
  return (
    <ul className="media-usage">
      {usage.articles.map((a) => (
        <li key={a.id}>
          <Link to={`/articles/${a.id}`}>{a.headline || 'Untitled article'}</Link> <span className="status">{STATUS_LABELS[a.status] ?? a.status}</span>{' '}
          <span className="media-hint">({a.where.map((w) => WHERE_LABELS[w]).join(', ')})</span>
        </li>
      ))}
      {usage.otherArticles > 0 ? (
        <li>
          {usage.otherArticles} {usage.otherArticles === 1 ? 'article' : 'articles'} you cannot open
        </li>
      ) : null}
      {usage.settings.map((s) => (
        <li key={s}>{SETTINGS_LABELS[s]}</li>
      ))}
      {usage.profiles > 0 ? <li>{usage.profiles === 1 ? 'A profile photo' : `${usage.profiles} profile photos`}</li> : null}
    </ul>
  );
}

interface MediaEditFormProps {
  item: MediaItem;
  onSaved: (item: MediaItem) => void;
  onDeleted?: (id: string) => void;
  onCancel: () => void;
  /** Focused on open: the alt text field. */
  altTextRef?: RefObject<HTMLTextAreaElement | null>;
  titleId: string;
}

/**
 * Alt text (required), caption and the per-image rights. Each field shows the server's reason next to it
 * when a save is refused. Everything typed is plain text: React escapes it wherever it is shown.
 */
export function MediaEditForm({ item, onSaved, onDeleted, onCancel, altTextRef, titleId }: MediaEditFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(item));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [usage, setUsage] = useState<MediaUsage | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const readOnly = !item.canUpdate;

  useEffect(() => {
    let live = true;
    trpc.media.usage.query({ id: item.id }).then(
      (result) => live && setUsage(result),
      () => live && setUsage(null),
    );
    return () => {
      live = false;
    };
  }, [item.id]);

  useEffect(() => {
    if (confirmingDelete) confirmButton.current?.focus();
  }, [confirmingDelete]);

  const errorFor = (field: keyof Draft) => fieldErrors.find((f) => f.field === field)?.message;
  const set = (field: keyof Draft, value: string) => setDraft((d) => ({ ...d, [field]: value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft.altText.trim()) {
      setFieldErrors([{ field: 'altText', message: ALT_TEXT_REQUIRED_MESSAGE }]);
      setError(null);
      altTextRef?.current?.focus();
      return;
    }
    setSaving(true);
    try {
      const saved = await trpc.media.update.mutate({
        id: item.id,
        altText: draft.altText,
        caption: draft.caption,
        creator: draft.creator || null,
        credit: draft.credit || null,
        copyrightHolder: draft.copyrightHolder || null,
        licenseCode: (draft.licenseCode || null) as (typeof LICENSE_CODES)[number] | null,
        licenseUrl: draft.licenseUrl.trim() || null,
        licenseExpiresAt: draft.licenseExpiresAt ? new Date(`${draft.licenseExpiresAt}T00:00:00Z`) : null,
        usageNotes: draft.usageNotes,
      });
      rememberMedia([saved]);
      setFieldErrors([]);
      setError(null);
      onSaved(saved);
    } catch (err) {
      const described = describeError(err);
      setFieldErrors(described.fieldErrors);
      setError(described.fieldErrors.length ? 'The image was not saved: check the fields marked below.' : described.message);
    } finally {
      setSaving(false);
    }
  }

  async function remove() {
    setSaving(true);
    try {
      await trpc.media.delete.mutate({ id: item.id });
      forgetMedia(item.id);
      onDeleted?.(item.id);
    } catch (err) {
      setError(describeError(err).message);
      setConfirmingDelete(false);
    } finally {
      setSaving(false);
    }
  }

  function field(name: keyof Draft, control: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactElement, hint?: string) {
    const problem = errorFor(name);
    const describedBy = [hint ? `${id}-${name}-hint` : null, problem ? `${id}-${name}-error` : null].filter(Boolean).join(' ') || undefined;
    return (
      <div className={`media-field media-field--${name}`}>
        <label htmlFor={`${id}-${name}`}>{FIELD_LABELS[name]}{name === 'altText' ? <span className="media-required"> (required)</span> : null}</label>
        {control({ id: `${id}-${name}`, ...(problem ? { 'aria-invalid': true } : {}), 'aria-describedby': describedBy })}
        {hint ? (
          <p id={`${id}-${name}-hint`} className="media-hint">
            {hint}
          </p>
        ) : null}
        {problem ? (
          <p id={`${id}-${name}-error`} className="media-field-error">
            {problem}
          </p>
        ) : null}
      </div>
    );
  }

  const suggestedUrl = draft.licenseCode ? (LICENSES as Record<string, { url: string | null }>)[draft.licenseCode]?.url : null;

  return (
    <form className="media-edit" onSubmit={save} noValidate aria-labelledby={titleId}>
      <div className="media-edit__preview">
        <img src={displayUrl(item)} alt={draft.altText} />
        <dl className="media-facts">
          <dt>File</dt>
          <dd>{item.originalFilename || '—'}</dd>
          <dt>Size</dt>
          <dd>
            {item.width && item.height ? `${item.width} × ${item.height} px, ` : ''}
            {formatBytes(item.bytes)}
          </dd>
          <dt>Uploaded</dt>
          <dd>
            {formatDate(item.createdAt)}
            {item.uploadedBy ? ` by ${item.uploadedBy.name}` : ''}
          </dd>
          {item.withdrawnAt ? (
            <>
              <dt>Withdrawn</dt>
              <dd>
                {formatDate(item.withdrawnAt)}
                {item.withdrawnReason ? `: ${item.withdrawnReason}` : ''}
              </dd>
            </>
          ) : null}
        </dl>
        <h3 className="media-subheading">Where it is used</h3>
        {usage ? <MediaUsageList usage={usage} /> : <p className="media-hint">Looking…</p>}
      </div>

      <fieldset className="media-edit__fields" disabled={readOnly || saving}>
        {readOnly ? <p className="media-hint">Only the person who uploaded this image or an editor can change it.</p> : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        {field(
          'altText',
          (props) => (
            <textarea {...props} ref={altTextRef} rows={3} required maxLength={MEDIA_TEXT_LIMITS.altText} value={draft.altText} onChange={(e) => set('altText', e.target.value)} />
          ),
          'Describe what the image shows for readers who cannot see it. Needed before the image can be used.',
        )}
        {field('caption', (props) => (
          <textarea {...props} rows={2} maxLength={MEDIA_TEXT_LIMITS.caption} value={draft.caption} onChange={(e) => set('caption', e.target.value)} />
        ))}
        <div className="media-edit__row">
          {field('creator', (props) => (
            <input {...props} type="text" maxLength={MEDIA_TEXT_LIMITS.creator} value={draft.creator} onChange={(e) => set('creator', e.target.value)} />
          ), 'Photographer or artist.')}
          {field('credit', (props) => (
            <input {...props} type="text" maxLength={MEDIA_TEXT_LIMITS.credit} value={draft.credit} onChange={(e) => set('credit', e.target.value)} />
          ), 'Shown with the image, e.g. “Reuters”.')}
        </div>
        {field('copyrightHolder', (props) => (
          <input {...props} type="text" maxLength={MEDIA_TEXT_LIMITS.copyrightHolder} value={draft.copyrightHolder} onChange={(e) => set('copyrightHolder', e.target.value)} />
        ))}
        <div className="media-edit__row">
          {field('licenseCode', (props) => (
            <select
              {...props}
              value={draft.licenseCode}
              onChange={(e) => {
                const code = e.target.value;
                const url = code ? (LICENSES as Record<string, { url: string | null }>)[code]?.url : null;
                setDraft((d) => ({ ...d, licenseCode: code, licenseUrl: d.licenseUrl || url || '' }));
              }}
            >
              <option value="">Not recorded</option>
              {LICENSE_CODES.map((code) => (
                <option key={code} value={code}>
                  {LICENSES[code].label}
                </option>
              ))}
            </select>
          ))}
          {field('licenseExpiresAt', (props) => (
            <input {...props} type="date" value={draft.licenseExpiresAt} onChange={(e) => set('licenseExpiresAt', e.target.value)} />
          ), 'Leave empty if it never runs out.')}
        </div>
        {field('licenseUrl', (props) => (
          <input
            {...props}
            type="url"
            inputMode="url"
            placeholder={suggestedUrl ?? 'https://'}
            maxLength={2000}
            value={draft.licenseUrl}
            onChange={(e) => set('licenseUrl', e.target.value)}
          />
        ))}
        {field('usageNotes', (props) => (
          <textarea {...props} rows={2} maxLength={MEDIA_TEXT_LIMITS.usageNotes} value={draft.usageNotes} onChange={(e) => set('usageNotes', e.target.value)} />
        ), 'Conditions from the agency or photographer, e.g. “Not for social media”.')}
      </fieldset>

      <div className="media-edit__actions">
        {!readOnly ? (
          <button type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        ) : null}
        <button type="button" className="button-secondary" onClick={onCancel}>
          {readOnly ? 'Close' : 'Cancel'}
        </button>
        {item.canDelete && onDeleted ? (
          confirmingDelete ? (
            <span className="media-confirm" role="group" aria-label="Confirm deletion">
              <span>Delete this image for good?</span>
              <button ref={confirmButton} type="button" className="button-danger" onClick={() => void remove()} disabled={saving}>
                Delete permanently
              </button>
              <button type="button" className="button-secondary" onClick={() => setConfirmingDelete(false)}>
                Keep it
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="button-danger-outline"
              onClick={() => setConfirmingDelete(true)}
              disabled={saving || usage?.inUse === true}
              aria-describedby={usage?.inUse ? `${id}-in-use` : undefined}
            >
              Delete…
            </button>
          )
        ) : null}
        {usage?.inUse && item.canDelete ? (
          <span id={`${id}-in-use`} className="media-hint">
            Remove it from where it is used before deleting it.
          </span>
        ) : null}
      </div>
    </form>
  );
}
