import { useEffect, useMemo, useRef, useState } from 'react';
import { del, get, set } from 'idb-keyval';
import { TRPCClientError } from '@trpc/client';
import { allowedTransitions, can as canDo, utcToWallTime, wallTimeToUtc, type ArticleStatus } from '@newsroom/domain';
import { RichTextEditor } from '../editor/index.ts';
import { describeError, trpc } from '../../lib/trpc.ts';
import { Link } from '../../lib/router.tsx';
import { useSession } from '../auth/session.tsx';
import { DraftSaver, draftKey, type DraftFields, type SaveResult, type SaverState, type StoredDraft } from './draft-saver.ts';
import { ConflictPanel, type ConflictDetails } from './conflict-panel.tsx';
import { STATUS_LABELS, TRANSITION_LABELS } from './status.ts';
import './article-editor.css';

type Article = Awaited<ReturnType<typeof trpc.article.get.query>>;

const idbStore = {
  put: (key: string, value: StoredDraft) => set(key, value),
  get: (key: string) => get<StoredDraft>(key),
  delete: (key: string) => del(key),
};

/** One id per open editor, so the server can tell this editor's own successive autosaves apart from others'. */
const CLIENT_ID = crypto.randomUUID();

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

export function ArticleEditorPage({ id }: { id: string }) {
  const { me, expired } = useSession();
  const [article, setArticle] = useState<Article | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [fields, setFields] = useState<DraftFields | null>(null);
  const [editorKey, setEditorKey] = useState(0);
  const [state, setState] = useState<SaverState>({ kind: 'saved', at: null });
  const [localDraft, setLocalDraft] = useState<StoredDraft | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [scheduleAt, setScheduleAt] = useState('');
  const [meta, setMeta] = useState({ slug: '', seoTitle: '', seoDescription: '', canonicalUrl: '' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const saverRef = useRef<DraftSaver | null>(null);
  const [timeZone, setTimeZone] = useState('UTC');

  useEffect(() => {
    let saver: DraftSaver | null = null;
    let cancelled = false;
    Promise.all([trpc.article.get.query({ id }), trpc.settings.branding.query(), idbStore.get(draftKey(id))]).then(
      ([loaded, branding, stored]) => {
        if (cancelled) return;
        setTimeZone(branding.timeZone);
        setArticle(loaded);
        setFields({ headline: loaded.headline, dek: loaded.dek, body: loaded.body });
        setMeta({ slug: loaded.slug, seoTitle: loaded.seoTitle ?? '', seoDescription: loaded.seoDescription ?? '', canonicalUrl: loaded.canonicalUrl ?? '' });
        setScheduleAt(loaded.scheduledAt ? utcToWallTime(loaded.scheduledAt, branding.timeZone) : '');
        setEditorKey((k) => k + 1);
        if (stored && JSON.stringify(stored.fields) !== JSON.stringify({ headline: loaded.headline, dek: loaded.dek, body: loaded.body })) setLocalDraft(stored);
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

  const update = (next: Partial<DraftFields>) => {
    setFields((current) => {
      const merged = { ...current!, ...next };
      saverRef.current?.change(merged);
      return merged;
    });
  };

  const words = useMemo(() => (fields ? wordCount(`${bodyText(fields.body)}`) : 0), [fields]);

  if (loadError) return <p className="form-error" role="alert">{loadError}</p>;
  if (!article || !fields || !me) return <p>Loading…</p>;

  const actor = { id: me.user.id, role: me.user.role };
  const owners = article.authors.flatMap((a) => (a.userId ? [a.userId] : []));
  const mayEdit = canDo(actor, 'article.update', owners);
  const transitions = allowedTransitions(article.status).filter((to) => {
    const action = { draft: 'article.update', in_review: 'article.submitForReview', scheduled: 'article.schedule', published: 'article.publish', unpublished: 'article.unpublish', archived: 'article.archive' }[to] as Parameters<typeof canDo>[1];
    return canDo(actor, action, owners);
  });

  async function explicitSave() {
    setActionError(null);
    setFieldErrors({});
    await saverRef.current?.flush(true);
    try {
      const saved = await trpc.article.update.mutate({
        id,
        baseVersion: saverRef.current!.version,
        slug: meta.slug || undefined,
        seoTitle: meta.seoTitle || null,
        seoDescription: meta.seoDescription || null,
        canonicalUrl: meta.canonicalUrl || null,
        clientId: CLIENT_ID,
      });
      saverRef.current!.rebase(saved.version, null);
      setArticle(saved);
    } catch (error) {
      const described = describeError(error);
      setActionError(described.message);
      setFieldErrors(Object.fromEntries(described.fieldErrors.map((f) => [f.field, f.message])));
    }
  }

  async function move(to: ArticleStatus) {
    setActionError(null);
    await saverRef.current?.flush(true);
    try {
      const scheduledAt = to === 'scheduled' ? (scheduleAt ? wallTimeToUtc(scheduleAt, timeZone) : undefined) : undefined;
      const moved = await trpc.article.transition.mutate({ id, baseVersion: saverRef.current!.version, to, scheduledAt });
      saverRef.current!.rebase(moved.version, null);
      setArticle(moved);
    } catch (error) {
      setActionError(describeError(error).message);
    }
  }

  function restoreLocal() {
    if (!localDraft) return;
    setFields(localDraft.fields);
    setEditorKey((k) => k + 1);
    saverRef.current?.change(localDraft.fields);
    setLocalDraft(null);
  }

  async function discardLocal() {
    await idbStore.delete(draftKey(id));
    setLocalDraft(null);
  }

  return (
    <div className="article-editor">
      <div className="article-editor__bar">
        <Link to="/">← Articles</Link>
        <span className={`status status--${article.status}`}>{STATUS_LABELS[article.status]}</span>
        <SaveStatus state={state} />
        <span className="article-editor__count">
          {words} words · {Math.max(1, Math.round(words / 230))} min read
        </span>
      </div>

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
              setEditorKey((k) => k + 1);
            }
            saverRef.current?.rebase(version, next?.save ? next.fields : null);
          }}
        />
      ) : null}

      <div className="article-editor__main">
        <label className="field">
          Headline
          <input className="headline-input" value={fields.headline} onChange={(e) => update({ headline: e.target.value })} readOnly={!mayEdit} maxLength={300} />
        </label>
        <label className="field">
          Dek
          <textarea value={fields.dek} onChange={(e) => update({ dek: e.target.value })} readOnly={!mayEdit} rows={2} maxLength={600} />
        </label>
        <RichTextEditor key={editorKey} initialJson={fields.body} onChange={(body) => update({ body })} readOnly={!mayEdit} />
      </div>

      <aside className="article-editor__side" aria-label="Publishing">
        <h2>Publishing</h2>
        {actionError ? (
          <p className="form-error" role="alert">
            {actionError}
          </p>
        ) : null}
        {mayEdit ? (
          <button type="button" onClick={() => void explicitSave()}>
            Save
          </button>
        ) : null}
        {transitions.includes('scheduled') ? (
          <label className="field">
            Publish at ({timeZone})
            <input type="datetime-local" value={scheduleAt} onChange={(e) => setScheduleAt(e.target.value)} />
          </label>
        ) : null}
        <div className="transitions">
          {transitions.map((to) => (
            <button key={to} type="button" className={to === 'published' ? '' : 'secondary'} onClick={() => void move(to)} disabled={to === 'scheduled' && !scheduleAt}>
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

        <h2>Details</h2>
        <label className="field">
          Slug
          <input value={meta.slug} onChange={(e) => setMeta({ ...meta, slug: e.target.value })} readOnly={!mayEdit} aria-invalid={!!fieldErrors.slug} aria-describedby="slug-error" />
          {fieldErrors.slug ? <span id="slug-error" className="form-error">{fieldErrors.slug}</span> : null}
        </label>
        <label className="field">
          SEO title
          <input value={meta.seoTitle} onChange={(e) => setMeta({ ...meta, seoTitle: e.target.value })} readOnly={!mayEdit} maxLength={200} />
        </label>
        <label className="field">
          SEO description
          <textarea value={meta.seoDescription} onChange={(e) => setMeta({ ...meta, seoDescription: e.target.value })} readOnly={!mayEdit} rows={3} maxLength={400} />
        </label>
        <label className="field">
          Canonical URL
          <input type="url" value={meta.canonicalUrl} onChange={(e) => setMeta({ ...meta, canonicalUrl: e.target.value })} readOnly={!mayEdit} aria-invalid={!!fieldErrors.canonicalUrl} />
          {fieldErrors.canonicalUrl ? <span className="form-error">{fieldErrors.canonicalUrl}</span> : null}
        </label>
        <p className="hint">Authors: {article.authors.map((a) => a.name).join(', ')}</p>
      </aside>
    </div>
  );
}
