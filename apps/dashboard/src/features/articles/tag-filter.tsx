import { useEffect, useId, useRef, useState } from 'react';
import type { Tag } from '@newsroom/domain';
import { trpc } from '../../lib/trpc.ts';
import { useCombobox } from '../../lib/use-combobox.ts';

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
  const [found, setFound] = useState<Tag[]>([]);
  const [failed, setFailed] = useState(false);
  const latest = useRef(0);
  const focusAfter = useRef<'input' | 'clear' | null>(null);
  const { open, setOpen, expanded, setActive, inputProps, listProps, optionProps } = useCombobox({
    id,
    options: found,
    onChoose: choose,
  });

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
  }, [query, open, setActive]);

  // Keep focus in the control when it switches between the input and the chosen tag.
  useEffect(() => {
    if (focusAfter.current === 'input') inputRef.current?.focus();
    if (focusAfter.current === 'clear') clearRef.current?.focus();
    focusAfter.current = null;
  }, [value]);

  function choose(tag: Tag) {
    focusAfter.current = 'clear';
    setQuery('');
    setOpen(false);
    onChange({ id: tag.id, name: tag.name });
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
        {...inputProps}
        aria-describedby={failed ? `${id}-error` : undefined}
        placeholder="Any tag"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
      />
      <ul {...listProps} aria-label="Tags" className="article-list__options">
        {expanded
          ? found.map((tag, index) => (
              <li key={tag.id} {...optionProps(index)}>
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
