import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { DiffPart, RevisionDiff, RevisionKind, RevisionSummary } from '@newsroom/domain';
import { describeError, trpc } from '../../lib/trpc.ts';
import { EditorDialog } from './editor-dialog.tsx';

export const REVISION_KIND_LABELS: Record<RevisionKind, string> = {
  autosave: 'Autosave',
  save: 'Saved',
  status: 'Status change',
  restore: 'Restored',
  conflict: 'Conflict copy',
};

const FIELD_LABELS: Record<RevisionDiff['fields'][number]['field'], string> = { headline: 'Headline', dek: 'Dek', body: 'Body' };

function when(date: Date): string {
  return new Date(date).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

function describe(revision: RevisionSummary): string {
  return `${REVISION_KIND_LABELS[revision.kind]}, ${when(revision.createdAt)}`;
}

/** Word-level changes: <ins> and <del>, underlined and struck through, each with words for screen readers. */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <p className="diff__text">
      {parts.map((part, index) =>
        part.added ? (
          <ins key={index}>
            <span className="visually-hidden">[added: </span>
            {part.value}
            <span className="visually-hidden">]</span>
          </ins>
        ) : part.removed ? (
          <del key={index}>
            <span className="visually-hidden">[removed: </span>
            {part.value}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </p>
  );
}

function DiffView({ diff }: { diff: RevisionDiff }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [diff]);
  const changed = diff.fields.filter((f) => f.changed);
  return (
    <section className="diff" aria-labelledby="diff-title" data-testid="revision-diff">
      <h3 id="diff-title" ref={headingRef} tabIndex={-1}>
        Changes from “{describe(diff.from)}” to {diff.to ? `“${describe(diff.to)}”` : 'the current text'}
      </h3>
      <p className="diff__legend">
        Key: <ins>added words</ins> are underlined, <del>removed words</del> are struck through.
      </p>
      {changed.length === 0 ? <p>No differences in the headline, dek or body.</p> : null}
      {diff.fields.map((field) => (
        <div key={field.field} className="diff__field">
          <h4>
            {FIELD_LABELS[field.field]}
            {field.changed ? '' : ' (unchanged)'}
          </h4>
          {field.changed ? <DiffText parts={field.parts} /> : null}
        </div>
      ))}
    </section>
  );
}

interface RevisionsDialogProps {
  articleId: string;
  /** Restores a revision into the editor; resolves with an error message, or null when done. */
  onRestore?: (revision: RevisionSummary) => Promise<string | null>;
  onClose: () => void;
}

/**
 * The article's history: every kept revision with who and when; any two compared word by word (or one
 * with the current text); any one restored as a new version, the replaced text staying in the history.
 */
export function RevisionsDialog({ articleId, onRestore, onClose }: RevisionsDialogProps) {
  const id = useId();
  const [items, setItems] = useState<RevisionSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [diff, setDiff] = useState<RevisionDiff | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      try {
        const page = await trpc.revisions.list.query({ articleId, cursor: after ?? undefined });
        setItems((current) => (after ? [...current, ...page.items.filter((i) => !current.some((c) => c.id === i.id))] : page.items));
        setCursor(page.nextCursor);
        setError(null);
      } catch (err) {
        setError(describeError(err).message);
      } finally {
        setLoading(false);
      }
    },
    [articleId],
  );

  useEffect(() => {
    let cancelled = false;
    trpc.revisions.list.query({ articleId }).then(
      (page) => {
        if (cancelled) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (err: unknown) => {
        if (cancelled) return;
        setError(describeError(err).message);
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [articleId]);

  function toggle(revisionId: string, on: boolean) {
    setSelected((current) => {
      if (!on) return current.filter((x) => x !== revisionId);
      // Two at most: a third choice replaces the earliest one.
      return [...current.filter((x) => x !== revisionId), revisionId].slice(-2);
    });
  }

  async function compare(fromId: string, toId?: string) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      setDiff(await trpc.revisions.diff.query({ fromId, toId }));
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  }

  function compareSelected() {
    // Older first, so the diff reads forwards in time (the list is newest first).
    const [a, b] = selected.map((sid) => items.findIndex((i) => i.id === sid)).sort((x, y) => y - x);
    const from = items[a!];
    const to = items[b!];
    if (from && to) void compare(from.id, to.id);
  }

  async function restore(revision: RevisionSummary) {
    if (!onRestore) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    const failed = await onRestore(revision);
    setBusy(false);
    if (failed) {
      setError(failed);
      return;
    }
    setMessage(`Restored “${describe(revision)}”. The text it replaced is kept in the history.`);
    setDiff(null);
    setSelected([]);
    await load(null);
  }

  return (
    <EditorDialog title="Revisions" onClose={onClose} placement="side">
      <p className="hint">Select two revisions to compare them, or compare one with the current text.</p>
      <div className="revisions__controls">
        <button type="button" onClick={compareSelected} disabled={selected.length !== 2 || busy}>
          Compare selected ({selected.length}/2)
        </button>
      </div>
      <div role="status" aria-live="polite" className="revisions__message">
        {message}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {diff ? <DiffView diff={diff} /> : null}
      <ol className="revisions" aria-label="Revisions, newest first" aria-busy={loading}>
        {items.map((revision) => {
          const checkboxId = `${id}-${revision.id}`;
          return (
            <li key={revision.id} className={`revision revision--${revision.kind}`} data-testid="revision">
              <div className="revision__head">
                <input type="checkbox" id={checkboxId} checked={selected.includes(revision.id)} onChange={(e) => toggle(revision.id, e.target.checked)} />
                <label htmlFor={checkboxId} id={`${checkboxId}-label`}>
                  <strong className="revision__kind">{REVISION_KIND_LABELS[revision.kind]}</strong>
                  <span className="visually-hidden">, </span>
                  <time dateTime={new Date(revision.createdAt).toISOString()}>{when(revision.createdAt)}</time>
                  <span className="visually-hidden">, </span>
                  <span className="revision__author">by {revision.author?.name ?? 'the system'}</span>
                </label>
              </div>
              <p className="revision__detail">
                <span className="revision__headline">{revision.headline || 'Untitled'}</span>
                <span className="hint">
                  {' '}
                  · version {revision.version}
                  {revision.note ? ` · ${revision.note}` : ''}
                </span>
              </p>
              <div className="revision__actions">
                <button type="button" className="secondary" disabled={busy} onClick={() => void compare(revision.id)} aria-describedby={`${checkboxId}-label`}>
                  Compare with current
                </button>
                {onRestore ? (
                  <button type="button" className="secondary" disabled={busy} onClick={() => void restore(revision)} aria-describedby={`${checkboxId}-label`}>
                    Restore this version
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {!loading && items.length === 0 && !error ? <p>No revisions yet.</p> : null}
      {cursor ? (
        <button type="button" className="secondary" onClick={() => void load(cursor)} disabled={loading}>
          {loading ? 'Loading…' : 'Load older revisions'}
        </button>
      ) : null}
    </EditorDialog>
  );
}
