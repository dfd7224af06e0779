import { useEffect, useId, useRef, useState } from 'react';
import { describeError, trpc } from '../../lib/trpc.ts';
import { useCombobox } from '../../lib/use-combobox.ts';
import type { TagRef } from './article-details.ts';

const MAX_TAGS = 20;

type Option = { kind: 'tag'; tag: TagRef } | { kind: 'create'; name: string };

interface TagPickerProps {
  tags: TagRef[];
  onChange: (tags: TagRef[]) => void;
  /** Offer to make a tag that does not exist yet (the role has tag.create). */
  canCreate: boolean;
  readOnly?: boolean;
  error?: string;
}

/**
 * The article's tags, in order, and a type-ahead to add more: an ARIA combobox over taxonomy.tags, with
 * "Create tag" at the end of the list when the role may make tags and no tag has that name.
 */
export function TagPicker({ tags, onChange, canCreate, readOnly = false, error }: TagPickerProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<TagRef[]>([]);
  const [busy, setBusy] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const latest = useRef(0);

  const trimmed = query.trim();
  const options: Option[] = [
    ...found.filter((t) => !tags.some((chosen) => chosen.id === t.id)).map((tag) => ({ kind: 'tag' as const, tag })),
    ...(canCreate && trimmed && !found.some((t) => t.name.toLowerCase() === trimmed.toLowerCase()) && !tags.some((t) => t.name.toLowerCase() === trimmed.toLowerCase())
      ? [{ kind: 'create' as const, name: trimmed }]
      : []),
  ];
  const full = tags.length >= MAX_TAGS;
  const { open, setOpen, expanded, setActive, inputProps, listProps, optionProps } = useCombobox({
    id,
    options,
    onChoose: (option) => void choose(option),
    disabled: full,
    containEscape: true,
  });

  useEffect(() => {
    if (!open) return;
    const ticket = ++latest.current;
    const timer = setTimeout(
      () => {
        trpc.taxonomy.tags.query({ query: query.trim() || undefined }).then(
          (result) => {
            if (ticket !== latest.current) return;
            setFound(result.map((t) => ({ id: t.id, name: t.name })));
            setActive(0);
          },
          (err: unknown) => {
            if (ticket === latest.current) setLocalError(describeError(err).message);
          },
        );
      },
      query ? 200 : 0,
    );
    return () => clearTimeout(timer);
  }, [query, open, setActive]);

  async function choose(option: Option) {
    setLocalError(null);
    let tag: TagRef;
    if (option.kind === 'create') {
      setBusy(true);
      try {
        const created = await trpc.taxonomy.createTag.mutate({ name: option.name });
        tag = { id: created.id, name: created.name };
      } catch (err) {
        const described = describeError(err);
        setLocalError(described.fieldErrors.find((f) => f.field === 'name')?.message ?? described.message);
        return;
      } finally {
        setBusy(false);
      }
    } else {
      tag = option.tag;
    }
    if (!tags.some((t) => t.id === tag.id)) onChange([...tags, tag]);
    setQuery('');
    setOpen(false);
    inputRef.current?.focus();
  }

  const shownError = localError ?? error;
  return (
    <div className="field tag-picker">
      <span id={`${id}-label`}>Tags</span>
      {tags.length > 0 ? (
        <ul className="chips" aria-labelledby={`${id}-label`}>
          {tags.map((tag) => (
            <li key={tag.id} className="chip">
              {tag.name}
              {!readOnly ? (
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={`Remove tag ${tag.name}`}
                  onClick={() => {
                    onChange(tags.filter((t) => t.id !== tag.id));
                    inputRef.current?.focus();
                  }}
                >
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">No tags yet.</p>
      )}
      {!readOnly ? (
        <div className="combobox">
          <label htmlFor={`${id}-input`} className="visually-hidden">
            Add a tag
          </label>
          <input
            ref={inputRef}
            {...inputProps}
            aria-describedby={`${id}-hint${shownError ? ` ${id}-error` : ''}`}
            aria-invalid={shownError ? true : undefined}
            placeholder={full ? `At most ${MAX_TAGS} tags` : 'Add a tag…'}
            disabled={full || busy}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setOpen(true);
              setLocalError(null);
            }}
          />
          <ul {...listProps} aria-label="Tag suggestions" className="combobox__list">
            {expanded
              ? options.map((option, index) => (
                  <li key={option.kind === 'tag' ? option.tag.id : `create:${option.name}`} {...optionProps(index)}>
                    {option.kind === 'tag' ? option.tag.name : `Create tag “${option.name}”`}
                  </li>
                ))
              : null}
          </ul>
          <p id={`${id}-hint`} className="hint">
            Type to find a tag; arrow keys to choose, Enter to add.{canCreate ? ' A new name can be created.' : ''}
          </p>
        </div>
      ) : null}
      {shownError ? (
        <p id={`${id}-error`} className="form-error" role="alert">
          {shownError}
        </p>
      ) : null}
    </div>
  );
}
