import { useId, useRef, useState, type DragEvent } from 'react';
import type { NavItem } from '@newsroom/domain';
import { moveItem, type FieldErrors } from './settings-form.ts';

interface NavEditorProps {
  /** `header` or `footer`: names the fields and the server's error paths (`navigation.header.0.url`). */
  which: 'header' | 'footer';
  legend: string;
  items: NavItem[];
  max: number;
  disabled: boolean;
  errors: FieldErrors;
  onChange(items: NavItem[]): void;
}

/**
 * Label + URL rows that can be added, removed and reordered by dragging a row or, from the keyboard, with
 * each row's move up / move down buttons. Focus follows the row that moved.
 */
export function NavEditor({ which, legend, items, max, disabled, errors, onChange }: NavEditorProps) {
  const id = useId();
  const rows = useRef<Array<HTMLLIElement | null>>([]);
  const [dragging, setDragging] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const name = (item: NavItem, index: number) => item.label.trim() || `link ${index + 1}`;

  function update(index: number, patch: Partial<NavItem>) {
    onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  }

  function move(from: number, to: number, focus?: 'up' | 'down') {
    if (to < 0 || to >= items.length) return;
    onChange(moveItem(items, from, to));
    setAnnouncement(`${name(items[from]!, from)} moved to position ${to + 1} of ${items.length}.`);
    if (focus) {
      // After React has re-rendered the list, put focus back on the moved row's button (or its twin at an end).
      requestAnimationFrame(() => {
        const row = rows.current[to];
        const wanted = row?.querySelector<HTMLButtonElement>(`button[data-move="${focus}"]`);
        const other = row?.querySelector<HTMLButtonElement>(`button[data-move="${focus === 'up' ? 'down' : 'up'}"]`);
        (wanted && !wanted.disabled ? wanted : other)?.focus();
      });
    }
  }

  function remove(index: number) {
    onChange(items.filter((_, i) => i !== index));
    setAnnouncement(`${name(items[index]!, index)} removed.`);
  }

  function add() {
    onChange([...items, { label: '', url: '/' }]);
    requestAnimationFrame(() => rows.current[items.length]?.querySelector<HTMLInputElement>('input')?.focus());
  }

  const onDragStart = (index: number) => (event: DragEvent) => {
    setDragging(index);
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', String(index));
  };
  const onDragOver = (event: DragEvent) => {
    if (dragging === null) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  };
  const onDrop = (index: number) => (event: DragEvent) => {
    event.preventDefault();
    if (dragging !== null) move(dragging, index);
    setDragging(null);
  };

  const listError = errors[`navigation.${which}`];
  return (
    <fieldset className="nav-editor" disabled={disabled}>
      <legend>{legend}</legend>
      {items.length === 0 ? <p className="hint">No links yet.</p> : null}
      <ol className="nav-editor__list">
        {items.map((item, index) => {
          const labelError = errors[`navigation.${which}.${index}.label`];
          const urlError = errors[`navigation.${which}.${index}.url`];
          return (
            <li
              // Position is the identity here: rows have no id of their own, and moving re-renders all of them.
              key={index}
              ref={(node) => {
                rows.current[index] = node;
              }}
              className={`nav-editor__row${dragging === index ? ' is-dragging' : ''}`}
              draggable={!disabled}
              onDragStart={onDragStart(index)}
              onDragOver={onDragOver}
              onDrop={onDrop(index)}
              onDragEnd={() => setDragging(null)}
              data-testid={`${which}-nav-row`}
            >
              <span className="nav-editor__handle" aria-hidden="true" title="Drag to reorder">
                ⠿
              </span>
              <label>
                Label
                <input
                  value={item.label}
                  maxLength={60}
                  required
                  aria-invalid={labelError ? true : undefined}
                  aria-describedby={labelError ? `${id}-${index}-label-error` : undefined}
                  onChange={(e) => update(index, { label: e.target.value })}
                />
                {labelError ? (
                  <span className="field-error" id={`${id}-${index}-label-error`}>
                    {labelError}
                  </span>
                ) : null}
              </label>
              <label>
                URL
                <input
                  value={item.url}
                  maxLength={2000}
                  required
                  inputMode="url"
                  placeholder="/section/world or https://…"
                  aria-invalid={urlError ? true : undefined}
                  aria-describedby={urlError ? `${id}-${index}-url-error` : undefined}
                  onChange={(e) => update(index, { url: e.target.value })}
                />
                {urlError ? (
                  <span className="field-error" id={`${id}-${index}-url-error`}>
                    {urlError}
                  </span>
                ) : null}
              </label>
              <div className="nav-editor__buttons">
                <button type="button" className="secondary" data-move="up" aria-label={`Move “${name(item, index)}” up`} disabled={index === 0} onClick={() => move(index, index - 1, 'up')}>
                  ↑
                </button>
                <button
                  type="button"
                  className="secondary"
                  data-move="down"
                  aria-label={`Move “${name(item, index)}” down`}
                  disabled={index === items.length - 1}
                  onClick={() => move(index, index + 1, 'down')}
                >
                  ↓
                </button>
                <button type="button" className="danger" aria-label={`Remove “${name(item, index)}”`} onClick={() => remove(index)}>
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {listError ? <p className="field-error">{listError}</p> : null}
      <button type="button" className="secondary" onClick={add} disabled={items.length >= max}>
        Add {which} link
      </button>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
