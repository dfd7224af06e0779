import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Tag } from '@newsroom/domain';
import { trpc } from '../../lib/trpc.ts';

interface TagFilterProps {
  /** The chosen tag, or null for any. */
  value: { id: string; name: string } | null;
  onChange: (tag: { id: string; name: string } | null) => void;
}

/**
 * One tag to filter by: an ARIA combobox over taxonomy.tags (type-ahead, arrow keys, Enter), or, once a
 * tag is chosen, its name with a button to clear it.
 */
export function TagFilter({ value, onChange }: TagFilterProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const clearRef = useRef<HTMLButtonElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<Tag[]>([]);
  const [active, setActive] = useState(0);
  const [failed, setFailed] = useState(false);
  const latest = useRef(0);
  const focusAfter = useRef<'input' | 'clear' | null>(null);

  useEffect(() => {
    if (!open) return;
    const ticket = ++latest.current;
    const timer = setTimeout(
      () => {
        trpc.taxonomy.tags.query({ query: query.trim() || undefined }).then(
          (result) => {
            if (ticket !== latest.current) return;
            setFound(result);
            setActive(0);
            setFailed(false);
          },
          () => {
            if (ticket === latest.current) setFailed(true);
          },
        );
      },
      query ? 200 : 0,
    );
    return () => clearTimeout(timer);
  }, [query, open]);

  // Keep focus in the control when it switches between the input and the chosen tag.
  useEffect(() => {
    if (focusAfter.current === 'input') inputRef.current?.focus();
    if (focusAfter.current === 'clear') clearRef.current?.focus();
    focusAfter.current = null;
  }, [value]);

  const expanded = open && found.length > 0;
  const activeIndex = Math.min(active, found.length - 1);

  function choose(tag: Tag) {
    focusAfter.current = 'clear';
    setQuery('');
    setOpen(false);
    onChange({ id: tag.id, name: tag.name });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((i) => (found.length ? (Math.min(i, found.length - 1) + 1) % found.length : 0));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) =>
        found.length ? (Math.min(i, found.length - 1) - 1 + found.length) % found.length : 0,
      );
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const tag = expanded ? found[activeIndex] : undefined;
      if (tag) choose(tag);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
    }
  }

  // Chosen on mousedown, before the input's blur closes the list.
  function onOptionMouseDown(event: MouseEvent<HTMLLIElement>) {
    event.preventDefault();
    const tag = found[Number(event.currentTarget.dataset.index)];
    if (tag) choose(tag);
  }

  if (value) {
    return (
      <div className="article-list__field">
        <span id={`${id}-label`}>Tag</span>
        <span className="article-list__chosen" aria-labelledby={`${id}-label`}>
          <span>{value.name || 'Chosen tag'}</span>
          <button
            ref={clearRef}
            type="button"
            className="article-list__clear"
            aria-label={`Remove tag filter ${value.name || ''}`.trim()}
            onClick={() => {
              focusAfter.current = 'input';
              onChange(null);
            }}
          >
            ×
          </button>
        </span>
      </div>
    );
  }

  return (
    <div className="article-list__field article-list__combobox">
      <label htmlFor={`${id}-input`}>Tag</label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded ? `${id}-option-${activeIndex}` : undefined}
        aria-describedby={failed ? `${id}-error` : undefined}
        placeholder="Any tag"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-label="Tags"
        className="article-list__options"
        hidden={!expanded}
      >
        {expanded
          ? found.map((tag, index) => (
              <li
                key={tag.id}
                id={`${id}-option-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                className={index === activeIndex ? 'is-active' : undefined}
                data-index={index}
                onMouseDown={onOptionMouseDown}
              >
                {tag.name}
              </li>
            ))
          : null}
      </ul>
      {failed ? (
        <span id={`${id}-error`} className="form-error">
          Tags could not be loaded.
        </span>
      ) : null}
    </div>
  );
}
