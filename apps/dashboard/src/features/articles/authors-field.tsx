import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { MAX_ARTICLE_AUTHORS } from '@newsroom/domain';
import { describeError, trpc } from '../../lib/trpc.ts';
import { useCombobox } from '../../lib/use-combobox.ts';
import { authorKey, moveItem, type AuthorRef } from './article-details.ts';
import { bylineCandidates, GUEST_NAME_MAX, mayRemoveAuthor, newGuestName } from './byline.ts';

const GUEST_BIO_MAX = 2000;

type Option = { kind: 'person'; person: AuthorRef } | { kind: 'create'; name: string };

interface People {
  staff: AuthorRef[];
  guests: AuthorRef[];
}

interface GuestDraft {
  name: string;
  bio: string;
}

interface AuthorsFieldProps {
  authors: AuthorRef[];
  onChange: (authors: AuthorRef[]) => void;
  /** The signed-in user, who cannot take themselves off when their role edits only their own articles. */
  selfId: string;
  mayRemoveSelf: boolean;
  /** Offer to make a new guest author here (the role may: staff.createGuestAuthor). */
  canCreateGuest: boolean;
  readOnly?: boolean;
  error?: string;
}

/**
 * The byline in order: staff and guest authors (freelancers, agencies). A type-ahead adds either, and can
 * make a new guest author on the spot when the role may; buttons move each entry up or down or take it
 * off. The byline is kept with the explicit Save; a new guest author is created at once.
 */
export function AuthorsField({ authors, onChange, selfId, mayRemoveSelf, canCreateGuest, readOnly = false, error }: AuthorsFieldProps) {
  const id = useId();
  const list = useRef<HTMLOListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const draftNameRef = useRef<HTMLInputElement>(null);
  const [people, setPeople] = useState<People | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [draft, setDraft] = useState<GuestDraft | null>(null);
  const [creating, setCreating] = useState(false);
  const [draftErrors, setDraftErrors] = useState<{ name?: string; bio?: string; form?: string }>({});

  useEffect(() => {
    if (readOnly) return;
    let cancelled = false;
    Promise.all([trpc.staff.list.query({}), trpc.staff.guestAuthors.query()]).then(
      ([staff, guests]) => {
        if (cancelled) return;
        setPeople({
          // Suspended accounts stay on bylines they are on, but are not offered for new ones.
          staff: staff.filter((s) => s.status !== 'suspended').map((s) => ({ kind: 'staff', id: s.id, name: s.name })),
          guests: guests.map((g) => ({ kind: 'guest', id: g.id, name: g.name })),
        });
      },
      (err: unknown) => {
        if (!cancelled) setLoadError(describeError(err).message);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [readOnly]);

  const full = authors.length >= MAX_ARTICLE_AUTHORS;
  const createName = people ? newGuestName(query, people.guests, canCreateGuest) : null;
  const options: Option[] = people
    ? [
        ...bylineCandidates([...people.staff, ...people.guests], authors, query).map((person) => ({ kind: 'person' as const, person })),
        ...(createName ? [{ kind: 'create' as const, name: createName }] : []),
      ]
    : [];
  const { setOpen, expanded, setActive, inputProps, listProps, optionProps } = useCombobox({ id, options, onChoose: choose, disabled: full, containEscape: true });

  function focusInput() {
    requestAnimationFrame(() => inputRef.current?.focus());
  }

  function move(index: number, delta: number) {
    const key = authorKey(authors[index]!);
    const direction = delta < 0 ? 'up' : 'down';
    onChange(moveItem(authors, index, delta));
    // Keep focus with the same person after the list redraws in its new order; at an end, on their other move.
    requestAnimationFrame(() => {
      const item = list.current?.querySelector(`li[data-key="${key}"]`);
      (item?.querySelector<HTMLButtonElement>(`button[data-move="${direction}"]:not(:disabled)`) ?? item?.querySelector<HTMLButtonElement>('button[data-move]:not(:disabled)'))?.focus();
    });
  }

  function remove(author: AuthorRef) {
    onChange(authors.filter((a) => authorKey(a) !== authorKey(author)));
    focusInput();
  }

  function add(person: AuthorRef) {
    if (!authors.some((a) => authorKey(a) === authorKey(person)) && authors.length < MAX_ARTICLE_AUTHORS) onChange([...authors, person]);
    setQuery('');
    setOpen(false);
    setActive(0);
  }

  function choose(option: Option) {
    if (option.kind === 'person') {
      add(option.person);
      inputRef.current?.focus();
    } else {
      openDraft(option.name);
    }
  }

  function openDraft(name: string) {
    setDraftErrors({});
    setDraft({ name, bio: '' });
    setOpen(false);
    requestAnimationFrame(() => draftNameRef.current?.focus());
  }

  function closeDraft() {
    setDraft(null);
    setDraftErrors({});
    focusInput();
  }

  async function createGuest() {
    if (!draft || creating) return;
    const name = draft.name.trim();
    if (!name) {
      setDraftErrors({ name: 'Give the guest author a name.' });
      return;
    }
    setCreating(true);
    setDraftErrors({});
    try {
      const created = await trpc.staff.createGuestAuthor.mutate({ name, bio: draft.bio.trim() });
      const guest: AuthorRef = { kind: 'guest', id: created.id, name: created.name };
      setPeople((current) => (current ? { ...current, guests: [...current.guests, guest] } : current));
      add(guest);
      setDraft(null);
      focusInput();
    } catch (err) {
      const described = describeError(err);
      const field = (f: string) => described.fieldErrors.find((e) => e.field === f)?.message;
      const nameError = field('name');
      const bioError = field('bio');
      setDraftErrors(nameError || bioError ? { name: nameError, bio: bioError } : { form: described.message });
    } finally {
      setCreating(false);
    }
  }

  function onDraftKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      closeDraft();
    } else if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      void createGuest();
    }
  }

  const placeholder = !people ? 'Loading people…' : full ? `At most ${MAX_ARTICLE_AUTHORS} authors` : 'Add a colleague or guest…';
  return (
    <fieldset className="field authors-field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>Authors</legend>
      <ol ref={list} className="authors-field__list">
        {authors.map((author, index) => (
          <li key={authorKey(author)} data-key={authorKey(author)}>
            <span className="authors-field__name">{author.name}</span>
            {author.kind === 'guest' ? <span className="hint"> (guest)</span> : null}
            {!readOnly ? (
              <span className="authors-field__actions">
                <button type="button" className="secondary icon" data-move="up" aria-label={`Move ${author.name} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                  ↑
                </button>
                <button
                  type="button"
                  className="secondary icon"
                  data-move="down"
                  aria-label={`Move ${author.name} down`}
                  disabled={index === authors.length - 1}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="secondary icon"
                  aria-label={`Remove ${author.name} from the authors`}
                  disabled={!mayRemoveAuthor(author, authors, selfId, mayRemoveSelf)}
                  onClick={() => remove(author)}
                >
                  ×
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {!readOnly ? (
        <div className="combobox authors-field__add">
          <label htmlFor={`${id}-input`} className="visually-hidden">
            Add an author
          </label>
          <input
            ref={inputRef}
            {...inputProps}
            aria-describedby={`${id}-hint`}
            placeholder={placeholder}
            disabled={!people || full || draft !== null}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setOpen(true);
              setActive(0);
            }}
          />
          <ul {...listProps} aria-label="People to add" className="combobox__list">
            {expanded
              ? options.map((option, index) => (
                  <li key={option.kind === 'person' ? authorKey(option.person) : `create:${option.name}`} {...optionProps(index)}>
                    {option.kind === 'create' ? `Create guest author “${option.name}”` : option.person.kind === 'guest' ? `${option.person.name} (guest)` : option.person.name}
                  </li>
                ))
              : null}
          </ul>
          <p id={`${id}-hint`} className="hint">
            Type to find a colleague or a guest author; arrow keys to choose, Enter to add.{canCreateGuest ? ' A new guest author can be created.' : ''}
          </p>
          {canCreateGuest && !draft ? (
            <button type="button" className="secondary" onClick={() => openDraft(query.trim())} disabled={!people || full}>
              New guest author…
            </button>
          ) : null}
        </div>
      ) : null}
      {draft ? (
        <div className="authors-field__new-guest" role="group" aria-labelledby={`${id}-new-title`} onKeyDown={onDraftKeyDown}>
          <p id={`${id}-new-title`} className="authors-field__new-title">
            New guest author
          </p>
          <label className="field">
            Name
            <input
              ref={draftNameRef}
              value={draft.name}
              maxLength={GUEST_NAME_MAX}
              required
              aria-invalid={draftErrors.name ? true : undefined}
              aria-describedby={draftErrors.name ? `${id}-new-name-error` : undefined}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
            {draftErrors.name ? (
              <span id={`${id}-new-name-error`} className="form-error">
                {draftErrors.name}
              </span>
            ) : null}
          </label>
          <label className="field">
            Bio (optional)
            <textarea
              value={draft.bio}
              rows={3}
              maxLength={GUEST_BIO_MAX}
              aria-invalid={draftErrors.bio ? true : undefined}
              aria-describedby={draftErrors.bio ? `${id}-new-bio-error` : undefined}
              onChange={(e) => setDraft({ ...draft, bio: e.target.value })}
            />
            {draftErrors.bio ? (
              <span id={`${id}-new-bio-error`} className="form-error">
                {draftErrors.bio}
              </span>
            ) : null}
          </label>
          <p className="hint">The guest author is created at once and added to the byline; press Save to keep the byline.</p>
          {draftErrors.form ? (
            <p className="form-error" role="alert">
              {draftErrors.form}
            </p>
          ) : null}
          <div className="authors-field__new-actions">
            <button type="button" onClick={() => void createGuest()} disabled={creating || !draft.name.trim()}>
              {creating ? 'Creating…' : 'Create and add'}
            </button>
            <button type="button" className="secondary" onClick={closeDraft} disabled={creating}>
              Cancel
            </button>
          </div>
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
