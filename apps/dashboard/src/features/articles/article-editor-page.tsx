import { useEffect, useMemo, useRef, useState } from 'react';
import { del, get, set } from 'idb-keyval';
import { TRPCClientError } from '@trpc/client';
import { allowedTransitions, can as canDo, transitionAction, utcToWallTime, wallTimeToUtc, type ArticleStatus, type RevisionSummary, type Section } from '@newsroom/domain';
import { RichTextEditor } from '../editor/index.ts';
import { useImagePicker, useMediaSrcResolver } from '../media/index.ts';
import { describeError, trpc } from '../../lib/trpc.ts';
import { Link, navigate } from '../../lib/router.tsx';
import { useSession } from '../auth/session.tsx';
import { DraftSaver, draftKey, type DraftFields, type SaveResult, type SaverState, type StoredDraft } from './draft-saver.ts';
import { ConflictPanel, type ConflictDetails } from './conflict-panel.tsx';
import { STATUS_LABELS, TRANSITION_LABELS } from './status.ts';
import { bodyMediaIds, detailsChanged, detailsFromArticle, detailsUpdate, fieldErrorMap, type ArticleDetails } from './article-details.ts';
import { AuthorsField } from './authors-field.tsx';
import { CorrectionsSection } from './corrections-section.tsx';
import { EditorDialog } from './editor-dialog.tsx';
import { FeaturedImageField } from './featured-image-field.tsx';
import { HeadlineField } from './headline-field.tsx';
import { PreviewButton } from './preview-button.tsx';
import { RevisionsDialog } from './revisions-dialog.tsx';
import { TagPicker } from './tag-picker.tsx';
import './article-editor.css';

type Article = Awaited<ReturnType<typeof trpc.article.get.query>>;

const idbStore = {
  put: (key: string, value: StoredDraft) => set(key, value),
  get: (key: string) => get<StoredDraft>(key),
  delete: (key: string) => del(key),
};

/** One id per open editor, so the server can tell this editor's own successive autosaves apart from others'. */
const CLIENT_ID = crypto.randomUUID();

/** How often the open editor tells the server it is still here (the server counts 60 s). */
const HEARTBEAT_MS = 20_000;

function toSaveResult(error: unknown): SaveResult {
  if (error instanceof TRPCClientError) {
    const data = error.data as { domainCode?: string; details?: unknown; httpStatus?: number } | undefined;
    if (data?.domainCode === 'VERSION_CONFLICT') return { ok: false, reason: 'conflict', details: data.details };
    if (data?.httpStatus === 401) return { ok: false, reason: 'unauthorised', message: error.message };
    if (data?.httpStatus && data.httpStatus < 500) return { ok: false, reason: 'invalid', message: error.message };
  }
  return { ok: false, reason: 'offline', message: describeError(error).message };
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

function bodyText(body: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { text?: unknown; children?: unknown[] };
    if (typeof n.text === 'string') out.push(n.text);
    n.children?.forEach(walk);
    out.push(' ');
  };
  walk((body as { root?: unknown })?.root);
  return out.join('');
}

const fieldsOf = (article: Article): DraftFields => ({ headline: article.headline, dek: article.dek, body: article.body });

/** Tells the server we left, even while the tab closes (a normal request may be cut off then). */
function leaveOnUnload(id: string) {
  void fetch('/trpc/article.leave', {
    method: 'POST',
    keepalive: true,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { id } }),
  }).catch(() => {});
}

function SaveStatus({ state }: { state: SaverState }) {
  const text = (() => {
    switch (state.kind) {
      case 'saved':
        return state.at ? `Saved at ${state.at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}` : 'All changes saved';
      case 'unsaved':
        return 'Unsaved changes';
      case 'saving':
        return 'Saving…';
      case 'offline':
        return `Offline — retrying at ${state.retryAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}. Your text is kept in this browser.`;
      case 'signed-out':
        return 'Signed out — sign in again to save. Your text is kept in this browser.';
      case 'conflict':
        return 'Not saved: someone else changed this article.';
      case 'invalid':
        return `Not saved: ${state.message}`;
    }
  })();
  return (
    <p className={`save-status save-status--${state.kind}`} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </p>
  );
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <span id={id} className="form-error">
      {message}
    </span>
  ) : null;
}

type Busy = 'save' | 'transition' | 'restore' | 'reload' | 'delete' | null;

export function ArticleEditorPage({ id }: { id: string }) {
  const { me, expired, can } = useSession();
  const [article, setArticle] = useState<Article | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [fields, setFields] = useState<DraftFields | null>(null);
  const [details, setDetails] = useState<ArticleDetails | null>(null);
  const [sections, setSections] = useState<Section[]>([]);
  const [editorKey, setEditorKey] = useState(0);
  const [state, setState] = useState<SaverState>({ kind: 'saved', at: null });
  const [localDraft, setLocalDraft] = useState<StoredDraft | null>(null);
  const [actionError, setActionError] = useState<{ message: string; conflict?: boolean } | null>(null);
  const [scheduleAt, setScheduleAt] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [timeZone, setTimeZone] = useState('UTC');
  const [presence, setPresence] = useState<{ others: Array<{ id: string; name: string }>; version: number } | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [revisionsOpen, setRevisionsOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const saverRef = useRef<DraftSaver | null>(null);
  // The text as last typed, for saves that finish while the user keeps typing.
  const latestFields = useRef<DraftFields | null>(null);
  const deleteCancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let saver: DraftSaver | null = null;
    let cancelled = false;
    Promise.all([
      trpc.article.get.query({ id }),
      trpc.settings.branding.query(),
      idbStore.get(draftKey(id)),
      // The page works without sections; the select then offers none.
      trpc.taxonomy.sections.query().catch(() => [] as Section[]),
    ]).then(
      ([loaded, branding, stored, sectionList]) => {
        if (cancelled) return;
        setTimeZone(branding.timeZone);
        setSections(sectionList);
        setArticle(loaded);
        setFields(fieldsOf(loaded));
        latestFields.current = fieldsOf(loaded);
        setDetails(detailsFromArticle(loaded));
        setScheduleAt(loaded.scheduledAt ? utcToWallTime(loaded.scheduledAt, branding.timeZone) : '');
        setEditorKey((k) => k + 1);
        if (stored && JSON.stringify(stored.fields) !== JSON.stringify(fieldsOf(loaded))) setLocalDraft(stored);
        saver = new DraftSaver({
          articleId: id,
          version: loaded.version,
          store: idbStore,
          onState: setState,
          onSaved: (version) => setArticle((a) => (a ? { ...a, version } : a)),
          save: async (f, baseVersion, autosave) => {
            try {
              const saved = await trpc.article.update.mutate({ id, baseVersion, headline: f.headline, dek: f.dek, body: f.body as never, autosave, clientId: CLIENT_ID });
              return { ok: true, version: saved.version, savedAt: new Date(saved.updatedAt) };
            } catch (error) {
              return toSaveResult(error);
            }
          },
        });
        saverRef.current = saver;
      },
      (error: unknown) => {
        if (!cancelled) setLoadError(describeError(error).message);
      },
    );
    return () => {
      cancelled = true;
      saver?.dispose();
    };
  }, [id]);

  // Presence: who else has this article open, and whether a newer version was saved meanwhile.
  useEffect(() => {
    let active = true;
    const beat = () => {
      trpc.article.heartbeat.mutate({ id }).then(
        (result) => {
          if (active) setPresence({ others: result.others.map((o) => ({ id: o.id, name: o.name })), version: result.version });
        },
        () => {
          // Presence is a courtesy: a missed beat changes nothing.
        },
      );
    };
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    const onPageHide = () => leaveOnUnload(id);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      active = false;
      clearInterval(timer);
      window.removeEventListener('pagehide', onPageHide);
      trpc.article.leave.mutate({ id }).catch(() => {});
    };
  }, [id]);

  // Save when the tab is hidden or closed; the browser copy covers the rest.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void saverRef.current?.flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (saverRef.current?.hasUnsaved) {
        void saverRef.current.flush();
        event.preventDefault();
      }
    };
    const onOnline = () => void saverRef.current?.flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('online', onOnline);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('online', onOnline);
    };
  }, []);

  // Signing in again after the session expired: save what waited.
  useEffect(() => {
    if (!expired && state.kind === 'signed-out') void saverRef.current?.flush();
  }, [expired, state.kind]);

  const body = fields?.body;
  const mediaIds = useMemo(() => bodyMediaIds(body), [body]);
  const resolveImageSrc = useMediaSrcResolver(mediaIds);
  const pickImage = useImagePicker();

  const words = useMemo(() => (fields ? wordCount(`${bodyText(fields.body)}`) : 0), [fields]);

  if (loadError) return <p className="form-error" role="alert">{loadError}</p>;
  if (!article || !fields || !details || !me) return <p>Loading…</p>;

  const actor = { id: me.user.id, role: me.user.role };
  const owners = article.authors.flatMap((a) => (a.userId ? [a.userId] : []));
  const mayEdit = canDo(actor, 'article.update', owners);
  const transitions = allowedTransitions(article.status).filter((to) => canDo(actor, transitionAction(article.status, to), owners));
  const mayDelete = (article.status === 'draft' || article.status === 'in_review') && canDo(actor, 'article.delete', owners);
  const detailsDirty = mayEdit && detailsChanged(details, article);
  // Offered only when there is nothing of ours to lose by reloading.
  const newerSaved = presence !== null && presence.version > article.version && state.kind === 'saved' && !detailsDirty && busy === null;

  /** Puts an article from the server into the editor; `keepDetails` leaves unsaved details as they are. */
  function showArticle(loaded: Article, options: { keepDetails?: boolean } = {}) {
    setArticle(loaded);
    setFields(fieldsOf(loaded));
    latestFields.current = fieldsOf(loaded);
    if (!options.keepDetails) setDetails(detailsFromArticle(loaded));
    setScheduleAt(loaded.scheduledAt ? utcToWallTime(loaded.scheduledAt, timeZone) : '');
    setEditorKey((k) => k + 1);
  }

  function changeDetails(next: Partial<ArticleDetails>) {
    setDetails((current) => (current ? { ...current, ...next } : current));
  }

  /** Saves pending text; false when it could not be (the save status says why). */
  async function flushText(): Promise<boolean> {
    const saver = saverRef.current;
    if (!saver) return false;
    if (saver.hasUnsaved) await saver.flush();
    return !saver.hasUnsaved;
  }

  /** The explicit Save: the text, then the details, as one kept revision of kind 'save'. */
  async function explicitSave(): Promise<boolean> {
    if (!details || !article) return false;
    setActionError(null);
    setFieldErrors({});
    setBusy('save');
    try {
      if (!(await flushText())) return false;
      const saver = saverRef.current!;
      const sent = latestFields.current;
      const saved = await trpc.article.update.mutate({ id, baseVersion: saver.version, ...detailsUpdate(details, article), clientId: CLIENT_ID });
      // Text typed while this save was on its way still goes to the server.
      const typedSince = latestFields.current !== sent ? latestFields.current : null;
      saver.rebase(saved.version, typedSince);
      setArticle(saved);
      setDetails(detailsFromArticle(saved));
      return true;
    } catch (error) {
      const described = describeError(error);
      setActionError({ message: described.message, conflict: described.domainCode === 'VERSION_CONFLICT' });
      setFieldErrors(fieldErrorMap(described.fieldErrors));
      return false;
    } finally {
      setBusy(null);
    }
  }

  async function move(to: ArticleStatus) {
    setActionError(null);
    // Details first: publishing should publish what is on screen.
    if (detailsDirty && !(await explicitSave())) return;
    setBusy('transition');
    try {
      if (!(await flushText())) return;
      const scheduledAt = to === 'scheduled' ? (scheduleAt ? wallTimeToUtc(scheduleAt, timeZone) : undefined) : undefined;
      const moved = await trpc.article.transition.mutate({ id, baseVersion: saverRef.current!.version, to, scheduledAt });
      saverRef.current!.rebase(moved.version, null);
      setArticle(moved);
    } catch (error) {
      const described = describeError(error);
      setActionError({ message: described.message, conflict: described.domainCode === 'VERSION_CONFLICT' });
      setFieldErrors(fieldErrorMap(described.fieldErrors));
    } finally {
      setBusy(null);
    }
  }

  /** Loads the stored article into the editor (after someone else saved); unsaved details can be kept. */
  async function reloadFromServer(keepDetails: boolean) {
    setBusy('reload');
    try {
      const loaded = await trpc.article.get.query({ id });
      showArticle(loaded, { keepDetails });
      saverRef.current?.rebase(loaded.version, null);
      setActionError(null);
    } catch (error) {
      setActionError({ message: describeError(error).message });
    } finally {
      setBusy(null);
    }
  }

  async function restoreRevision(revision: RevisionSummary): Promise<string | null> {
    setBusy('restore');
    try {
      if (!(await flushText())) return 'Your latest changes could not be saved yet, so nothing was restored. Try again once they are saved.';
      const saver = saverRef.current!;
      const restored = await trpc.revisions.restore.mutate({ id: revision.id, baseVersion: saver.version });
      // Restoring changes the text only; unsaved details stay as they are.
      showArticle(restored, { keepDetails: true });
      saver.rebase(restored.version, null);
      return null;
    } catch (error) {
      return describeError(error).message;
    } finally {
      setBusy(null);
    }
  }

  async function deleteArticle() {
    setDeleteError(null);
    setBusy('delete');
    try {
      if (!(await flushText())) {
        setDeleteError('Your latest changes could not be saved, so the article was not deleted. Try again.');
        return;
      }
      await trpc.article.delete.mutate({ id, baseVersion: saverRef.current!.version });
      saverRef.current!.dispose();
      await idbStore.delete(draftKey(id));
      setDeleteOpen(false);
      navigate('/');
    } catch (error) {
      setDeleteError(describeError(error).message);
    } finally {
      setBusy(null);
    }
  }

  const update = (next: Partial<DraftFields>) => {
    setFields((current) => {
      const merged = { ...current!, ...next };
      latestFields.current = merged;
      saverRef.current?.change(merged);
      return merged;
    });
  };

  function restoreLocal() {
    if (!localDraft) return;
    setFields(localDraft.fields);
    latestFields.current = localDraft.fields;
    setEditorKey((k) => k + 1);
    saverRef.current?.change(localDraft.fields);
    setLocalDraft(null);
  }

  async function discardLocal() {
    await idbStore.delete(draftKey(id));
    setLocalDraft(null);
  }

  const others = presence?.others ?? [];

  return (
    <div className="article-editor">
      <h1 className="visually-hidden">Edit article</h1>
      <div className="article-editor__bar">
        <Link to="/">← Articles</Link>
        <span className={`status status--${article.status}`}>{STATUS_LABELS[article.status]}</span>
        <SaveStatus state={state} />
        <span className="article-editor__count">
          {words} words · {Math.max(1, Math.round(words / 230))} min read
        </span>
        <p className="presence" role="status" aria-live="polite" data-testid="presence">
          {others.length > 0 ? `Also editing: ${others.map((o) => o.name).join(', ')}` : ''}
        </p>
      </div>

      {newerSaved ? (
        <div className="notice notice--info" role="status">
          <p>A newer version was saved by someone else.</p>
          <button type="button" onClick={() => void reloadFromServer(false)}>
            Reload
          </button>
        </div>
      ) : null}

      {localDraft ? (
        <div className="notice" role="alert">
          <p>This browser has changes to this article from {new Date(localDraft.changedAt).toLocaleString()} that never reached the server.</p>
          <button type="button" onClick={restoreLocal}>
            Restore them
          </button>{' '}
          <button type="button" className="secondary" onClick={() => void discardLocal()}>
            Discard
          </button>
        </div>
      ) : null}

      {state.kind === 'conflict' ? (
        <ConflictPanel
          articleId={id}
          mine={fields}
          details={state.details as ConflictDetails}
          onResolved={(version, next) => {
            if (next) {
              setFields(next.fields);
              latestFields.current = next.fields;
              setEditorKey((k) => k + 1);
            }
            setArticle((a) => (a ? { ...a, version } : a));
            saverRef.current?.rebase(version, next?.save ? next.fields : null);
          }}
        />
      ) : null}

      <div className="article-editor__main">
        <label className="field">
          Headline
          <HeadlineField value={fields.headline} onChange={(headline) => update({ headline })} readOnly={!mayEdit} />
        </label>
        <label className="field">
          Dek
          <textarea value={fields.dek} onChange={(e) => update({ dek: e.target.value })} readOnly={!mayEdit} rows={2} maxLength={600} />
        </label>
        <RichTextEditor
          key={editorKey}
          initialJson={fields.body}
          onChange={(next) => update({ body: next })}
          pickImage={pickImage}
          resolveImageSrc={resolveImageSrc}
          readOnly={!mayEdit}
        />
        {article.firstPublishedAt ? <CorrectionsSection articleId={id} mayAdd={mayEdit} /> : null}
      </div>

      <aside className="article-editor__side" aria-label="Publishing and details">
        <h2>Publishing</h2>
        {actionError ? (
          <div className="form-error" role="alert">
            <p>{actionError.message}</p>
            {actionError.conflict ? (
              <button type="button" className="secondary" onClick={() => void reloadFromServer(true)} disabled={busy !== null}>
                Load the newer version (your details stay here)
              </button>
            ) : null}
          </div>
        ) : null}
        <div className="article-editor__actions">
          {mayEdit ? (
            <button type="button" onClick={() => void explicitSave()} disabled={busy !== null}>
              {busy === 'save' ? 'Saving…' : 'Save'}
            </button>
          ) : null}
          <button type="button" className="secondary" onClick={() => setRevisionsOpen(true)}>
            Revisions
          </button>
        </div>
        {detailsDirty ? (
          <p className="hint" data-testid="details-unsaved">
            Details changed: press Save to keep them.
          </p>
        ) : null}
        <PreviewButton articleId={id} beforePreview={
            mayEdit
              ? async () => {
                  await flushText();
                }
              : undefined
          } />
        {transitions.includes('scheduled') ? (
          <label className="field">
            Publish at ({timeZone})
            <input
              type="datetime-local"
              value={scheduleAt}
              onChange={(e) => setScheduleAt(e.target.value)}
              aria-invalid={fieldErrors.scheduledAt ? true : undefined}
              aria-describedby="scheduledAt-error"
            />
            <FieldError id="scheduledAt-error" message={fieldErrors.scheduledAt} />
          </label>
        ) : null}
        <div className="transitions">
          {transitions.map((to) => (
            <button key={to} type="button" className={to === 'published' ? '' : 'secondary'} onClick={() => void move(to)} disabled={busy !== null || (to === 'scheduled' && !scheduleAt)}>
              {TRANSITION_LABELS[article.status]?.[to] ?? STATUS_LABELS[to]}
            </button>
          ))}
        </div>
        {article.status === 'published' ? (
          <p>
            <a href={`/article/${article.slug}`} target="_blank" rel="noreferrer">
              View on the site
            </a>
          </p>
        ) : null}
        {mayDelete ? (
          <button type="button" className="danger" onClick={() => setDeleteOpen(true)} disabled={busy !== null}>
            Delete
          </button>
        ) : null}

        <h2>Details</h2>
        <label className="field">
          Section
          <select
            value={details.sectionId ?? ''}
            onChange={(e) => changeDetails({ sectionId: e.target.value || null })}
            disabled={!mayEdit}
            aria-invalid={fieldErrors.sectionId ? true : undefined}
            aria-describedby="sectionId-error"
          >
            <option value="">No section</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <FieldError id="sectionId-error" message={fieldErrors.sectionId} />
        </label>
        <TagPicker tags={details.tags} onChange={(tags) => changeDetails({ tags })} canCreate={can('tag.create')} readOnly={!mayEdit} error={fieldErrors.tagIds} />
        <AuthorsField
          authors={details.authors}
          onChange={(authors) => changeDetails({ authors })}
          selfId={me.user.id}
          mayRemoveSelf={canDo(actor, 'article.update', [])}
          // What staff.createGuestAuthor requires.
          canCreateGuest={can('staff.invite')}
          readOnly={!mayEdit}
          error={fieldErrors.authors}
        />
        <FeaturedImageField mediaId={details.featuredMediaId} onChange={(featuredMediaId) => changeDetails({ featuredMediaId })} readOnly={!mayEdit} error={fieldErrors.featuredMediaId} />
        <label className="field">
          Slug
          <input value={details.slug} onChange={(e) => changeDetails({ slug: e.target.value })} readOnly={!mayEdit} aria-invalid={fieldErrors.slug ? true : undefined} aria-describedby="slug-error" />
          <FieldError id="slug-error" message={fieldErrors.slug} />
        </label>
        <label className="field">
          SEO title
          <input value={details.seoTitle} onChange={(e) => changeDetails({ seoTitle: e.target.value })} readOnly={!mayEdit} maxLength={200} aria-invalid={fieldErrors.seoTitle ? true : undefined} aria-describedby="seoTitle-error" />
          <FieldError id="seoTitle-error" message={fieldErrors.seoTitle} />
        </label>
        <label className="field">
          SEO description
          <textarea
            value={details.seoDescription}
            onChange={(e) => changeDetails({ seoDescription: e.target.value })}
            readOnly={!mayEdit}
            rows={3}
            maxLength={400}
            aria-invalid={fieldErrors.seoDescription ? true : undefined}
            aria-describedby="seoDescription-error"
          />
          <FieldError id="seoDescription-error" message={fieldErrors.seoDescription} />
        </label>
        <label className="field">
          Canonical URL
          <input
            type="url"
            value={details.canonicalUrl}
            onChange={(e) => changeDetails({ canonicalUrl: e.target.value })}
            readOnly={!mayEdit}
            aria-invalid={fieldErrors.canonicalUrl ? true : undefined}
            aria-describedby="canonicalUrl-error"
          />
          <FieldError id="canonicalUrl-error" message={fieldErrors.canonicalUrl} />
        </label>
      </aside>

      {revisionsOpen ? <RevisionsDialog articleId={id} onRestore={mayEdit ? restoreRevision : undefined} onClose={() => setRevisionsOpen(false)} /> : null}

      {deleteOpen ? (
        <EditorDialog title="Delete this article?" onClose={() => setDeleteOpen(false)} initialFocus={deleteCancel}>
          <p>
            “{fields.headline || 'Untitled'}” will be deleted for good, with its revisions and corrections. This cannot be undone.
          </p>
          {deleteError ? (
            <p className="form-error" role="alert">
              {deleteError}
            </p>
          ) : null}
          <div className="editor-dialog__actions">
            <button type="button" className="danger" onClick={() => void deleteArticle()} disabled={busy !== null}>
              {busy === 'delete' ? 'Deleting…' : 'Delete for good'}
            </button>
            <button ref={deleteCancel} type="button" className="secondary" onClick={() => setDeleteOpen(false)}>
              Cancel
            </button>
          </div>
        </EditorDialog>
      ) : null}
    </div>
  );
}
