import { useEffect, useId, useState, type FormEvent } from 'react';
import { CORRECTION_KINDS, type Correction } from '@newsroom/domain';
import { describeError, trpc } from '../../lib/trpc.ts';

const KIND_LABELS: Record<Correction['kind'], string> = { correction: 'Correction', update: 'Update' };

/**
 * Corrections and updates on an article that has been published: public notes shown with it on the site
 * at once. Listed for everyone who can read the article; added by those who can edit it.
 */
export function CorrectionsSection({ articleId, mayAdd }: { articleId: string; mayAdd: boolean }) {
  const id = useId();
  const [items, setItems] = useState<Correction[] | null>(null);
  const [kind, setKind] = useState<Correction['kind']>('correction');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [textError, setTextError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    trpc.article.corrections.query({ id: articleId }).then(
      (result) => {
        if (!cancelled) setItems(result);
      },
      (err: unknown) => {
        if (!cancelled) setError(describeError(err).message);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [articleId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setTextError(null);
    setMessage(null);
    if (!text.trim()) {
      setTextError('Write what was corrected or updated.');
      return;
    }
    setBusy(true);
    try {
      const added = await trpc.article.addCorrection.mutate({ id: articleId, kind, text: text.trim() });
      setItems((current) => [...(current ?? []), added]);
      setText('');
      setMessage(`${KIND_LABELS[added.kind]} added. It shows on the article page now.`);
    } catch (err) {
      const described = describeError(err);
      const forText = described.fieldErrors.find((f) => f.field === 'text');
      if (forText) setTextError(forText.message);
      else setError(described.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="corrections" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Corrections and updates</h2>
      {items === null && !error ? <p className="hint">Loading…</p> : null}
      {items && items.length === 0 ? <p className="hint">None yet.</p> : null}
      {items && items.length > 0 ? (
        <ol className="corrections__list">
          {items.map((c) => (
            <li key={c.id}>
              <strong>{KIND_LABELS[c.kind]}</strong>{' '}
              <time dateTime={new Date(c.createdAt).toISOString()} className="hint">
                {new Date(c.createdAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}
              </time>
              {c.author ? <span className="hint"> · {c.author.name}</span> : null}
              <p>{c.text}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {mayAdd ? (
        <form onSubmit={(e) => void submit(e)} noValidate className="corrections__form" aria-labelledby={`${id}-form-title`}>
          <h3 id={`${id}-form-title`}>Add a correction or update</h3>
          <label className="field">
            Kind
            <select value={kind} onChange={(e) => setKind(e.target.value as Correction['kind'])}>
              {CORRECTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Text
            <textarea
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={3}
              maxLength={2000}
              aria-invalid={textError ? true : undefined}
              aria-describedby={textError ? `${id}-text-error` : undefined}
            />
          </label>
          {textError ? (
            <p id={`${id}-text-error`} className="form-error" role="alert">
              {textError}
            </p>
          ) : null}
          <button type="submit" disabled={busy}>
            {busy ? 'Adding…' : 'Add'}
          </button>
        </form>
      ) : null}
      <p role="status" className="hint">
        {message}
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
