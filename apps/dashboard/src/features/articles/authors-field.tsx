import { useEffect, useId, useRef, useState } from 'react';
import { describeError, trpc } from '../../lib/trpc.ts';
import { moveItem, type AuthorRef } from './article-details.ts';

const MAX_AUTHORS = 10;

type StaffMember = Awaited<ReturnType<typeof trpc.staff.list.query>>[number];

interface AuthorsFieldProps {
  authors: AuthorRef[];
  onChange: (authors: AuthorRef[]) => void;
  /** The signed-in user, who cannot take themselves off when their role edits only their own articles. */
  selfId: string;
  mayRemoveSelf: boolean;
  readOnly?: boolean;
  /** Why the list cannot be changed here (guest authors on the byline), if it cannot. */
  lockedReason?: string;
  /** Shown as they are; the picker handles staff accounts only. */
  guestNames?: string[];
  error?: string;
}

/** The byline in order: add staff, move them up or down, take them off. Saved with the explicit Save. */
export function AuthorsField({ authors, onChange, selfId, mayRemoveSelf, readOnly = false, lockedReason, guestNames = [], error }: AuthorsFieldProps) {
  const id = useId();
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [choice, setChoice] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const editable = !readOnly && !lockedReason;

  useEffect(() => {
    if (!editable) return;
    let cancelled = false;
    trpc.staff.list.query({}).then(
      (result) => {
        if (!cancelled) setStaff(result.filter((s) => s.status !== 'suspended'));
      },
      (err: unknown) => {
        if (!cancelled) setLoadError(describeError(err).message);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [editable]);

  const available = (staff ?? []).filter((s) => !authors.some((a) => a.userId === s.id));

  function move(index: number, delta: number) {
    const name = authors[index]!.name;
    onChange(moveItem(authors, index, delta));
    // Keep focus on the same person's button after the list redraws in its new order.
    requestAnimationFrame(() => {
      const label = delta < 0 ? `Move ${name} up` : `Move ${name} down`;
      const button = list.current?.querySelector<HTMLButtonElement>(`button[aria-label="${CSS.escape(label)}"]:not(:disabled)`);
      (button ?? list.current?.querySelector<HTMLButtonElement>(`button[aria-label^="${CSS.escape(`Move ${name}`)}"]:not(:disabled)`))?.focus();
    });
  }

  function add() {
    const member = staff?.find((s) => s.id === choice);
    if (!member) return;
    onChange([...authors, { userId: member.id, name: member.name }]);
    setChoice('');
  }

  return (
    <fieldset className="field authors-field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>Authors</legend>
      <ol ref={list} className="authors-field__list">
        {authors.map((author, index) => (
          <li key={author.userId}>
            <span className="authors-field__name">{author.name}</span>
            {editable ? (
              <span className="authors-field__actions">
                <button type="button" className="secondary icon" aria-label={`Move ${author.name} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                  ↑
                </button>
                <button type="button" className="secondary icon" aria-label={`Move ${author.name} down`} disabled={index === authors.length - 1} onClick={() => move(index, 1)}>
                  ↓
                </button>
                <button
                  type="button"
                  className="secondary icon"
                  aria-label={`Remove ${author.name} from the authors`}
                  disabled={authors.length === 1 || (author.userId === selfId && !mayRemoveSelf)}
                  onClick={() => onChange(authors.filter((a) => a.userId !== author.userId))}
                >
                  ×
                </button>
              </span>
            ) : null}
          </li>
        ))}
        {guestNames.map((name) => (
          <li key={`guest:${name}`}>
            <span className="authors-field__name">{name}</span> <span className="hint">(guest)</span>
          </li>
        ))}
      </ol>
      {lockedReason && !readOnly ? <p className="hint">{lockedReason}</p> : null}
      {editable ? (
        <div className="authors-field__add">
          <label htmlFor={`${id}-add`} className="visually-hidden">
            Author to add
          </label>
          <select id={`${id}-add`} value={choice} onChange={(e) => setChoice(e.target.value)} disabled={!staff || authors.length >= MAX_AUTHORS}>
            <option value="">{staff ? (available.length ? 'Choose a colleague…' : 'Everyone is on the byline') : 'Loading staff…'}</option>
            {available.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button type="button" className="secondary" onClick={add} disabled={!choice}>
            Add author
          </button>
        </div>
      ) : null}
      {loadError ? <p className="form-error">{loadError}</p> : null}
      {error ? (
        <p id={`${id}-error`} className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
