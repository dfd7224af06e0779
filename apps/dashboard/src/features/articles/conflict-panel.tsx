import { useState } from 'react';
import { describeError, trpc } from '../../lib/trpc.ts';
import type { DraftFields } from './draft-saver.ts';

export interface ConflictDetails {
  currentVersion: number;
  current: { headline: string; dek: string; body: unknown; updatedAt: string };
}

function plainText(body: unknown): string {
  const blocks = ((body as { root?: { children?: unknown[] } })?.root?.children ?? []) as Array<{ children?: unknown[] }>;
  const inline = (nodes: unknown[] = []): string =>
    nodes.map((n) => {
      const node = n as { text?: string; children?: unknown[] };
      return node.text ?? inline(node.children);
    }).join('');
  return blocks.map((b) => inline(b.children)).join('\n\n');
}

/**
 * Someone else saved first. Both texts are shown side by side and neither is lost: whichever way the
 * editor goes, the other text is stored as a revision first.
 */
export function ConflictPanel({
  articleId,
  mine,
  details,
  onResolved,
}: {
  articleId: string;
  mine: DraftFields;
  details: ConflictDetails;
  onResolved: (version: number, next: { fields: DraftFields; save: boolean } | null) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const theirs: DraftFields = { headline: details.current.headline, dek: details.current.dek, body: details.current.body };

  async function keepCopy(fields: DraftFields) {
    await trpc.article.saveConflictCopy.mutate({ id: articleId, headline: fields.headline, dek: fields.dek, body: fields.body as never });
  }

  async function choose(kind: 'mine' | 'theirs' | 'merge') {
    setBusy(true);
    setError(null);
    try {
      if (kind === 'mine') {
        await keepCopy(theirs);
        onResolved(details.currentVersion, { fields: mine, save: true });
      } else if (kind === 'theirs') {
        await keepCopy(mine);
        onResolved(details.currentVersion, { fields: theirs, save: false });
      } else {
        // Merge by hand: mine stays in the editor, theirs is kept as a revision and shown here to copy from.
        await keepCopy(mine);
        onResolved(details.currentVersion, null);
      }
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Someone else saved this article while you were editing</h2>
      <p>Nothing has been overwritten. Choose what to keep; the other text is kept as a revision either way.</p>
      <div className="conflict__columns">
        <div>
          <h3>Your version</h3>
          <p className="conflict__headline" data-testid="conflict-mine-headline">{mine.headline}</p>
          <pre className="conflict__text" data-testid="conflict-mine">{plainText(mine.body)}</pre>
        </div>
        <div>
          <h3>Their version (saved {new Date(details.current.updatedAt).toLocaleTimeString()})</h3>
          <p className="conflict__headline" data-testid="conflict-theirs-headline">{theirs.headline}</p>
          <pre className="conflict__text" data-testid="conflict-theirs">{plainText(theirs.body)}</pre>
        </div>
      </div>
      {error ? <p className="form-error">{error}</p> : null}
      <div className="conflict__actions">
        <button type="button" disabled={busy} onClick={() => void choose('mine')}>
          Keep mine (theirs becomes a revision)
        </button>
        <button type="button" disabled={busy} className="secondary" onClick={() => void choose('theirs')}>
          Take theirs (mine becomes a revision)
        </button>
        <button type="button" disabled={busy} className="secondary" onClick={() => void choose('merge')}>
          Merge by hand
        </button>
      </div>
    </section>
  );
}
