import { useState } from 'react';
import type { PreviewLink } from '@newsroom/domain';
import { describeError, trpc } from '../../lib/trpc.ts';

/**
 * Opens the article as readers would see it, in any state, through a signed link that expires; the link
 * stays on screen to copy or to open when the browser blocked the new tab.
 */
export function PreviewButton({ articleId, beforePreview }: { articleId: string; beforePreview?: () => Promise<void> }) {
  const [link, setLink] = useState<PreviewLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function preview() {
    setBusy(true);
    setError(null);
    try {
      // What is typed should be what the preview shows.
      await beforePreview?.();
      const made = await trpc.article.previewLink.mutate({ id: articleId });
      setLink(made);
      window.open(made.url, '_blank', 'noopener');
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="preview">
      <button type="button" className="secondary" onClick={() => void preview()} disabled={busy}>
        Preview
      </button>
      {link ? (
        <p className="hint" data-testid="preview-link">
          Preview link (works until{' '}
          <time dateTime={new Date(link.expiresAt).toISOString()}>{new Date(link.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</time>):{' '}
          <a href={link.url} target="_blank" rel="noopener noreferrer" className="preview__url">
            {link.url}
          </a>
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
