import {
  useState,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type KeyboardEvent,
  type LiHTMLAttributes,
} from 'react';

interface UseComboboxOptions<T> {
  /** From the component's useId(); the parts are `${id}-input`, `${id}-list` and `${id}-option-${index}`. */
  id: string;
  /** What the list offers now, in order. */
  options: readonly T[];
  /** Enter on the highlighted option, or a press on any option. */
  onChoose: (option: T) => void;
  /** Keeps the list shut, e.g. while the field already holds as many as it may. */
  disabled?: boolean;
  /** Stops the Escape that closes the list, so a dialog around the field stays open. */
  containEscape?: boolean;
}

/**
 * The keyboard and ARIA wiring of a type-ahead combobox (the WAI-ARIA "list autocomplete" pattern). Focus
 * stays in the input and aria-activedescendant names the highlighted option, so screen readers follow the
 * arrow keys while typing goes on. The caller keeps the query, the options and what choosing does, and its
 * own markup: spread `inputProps`, `listProps` and `optionProps(index)` onto its input, list and options.
 */
export function useCombobox<T>({
  id,
  options,
  onChoose,
  disabled = false,
  containEscape = false,
}: UseComboboxOptions<T>) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const count = options.length;
  const expanded = open && !disabled && count > 0;
  // The list can shrink under the highlight (more typing, a fresh search): clamp to it rather than lose it.
  const activeIndex = Math.min(active, count - 1);

  // Wraps at both ends, stepping from the clamped index so a shrunken list skips nothing.
  const step = (delta: 1 | -1) =>
    setActive((i) => (count ? (Math.min(i, count - 1) + delta + count) % count : 0));

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      // After Escape the first ArrowDown only reopens the list.
      if (!open) setOpen(true);
      else step(1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      step(-1);
    } else if (event.key === 'Enter') {
      // Enter never submits a surrounding form from here.
      event.preventDefault();
      const option = expanded ? options[activeIndex] : undefined;
      if (option !== undefined) onChoose(option);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      if (containEscape) event.stopPropagation();
      setOpen(false);
    }
  }

  const inputProps: InputHTMLAttributes<HTMLInputElement> = {
    id: `${id}-input`,
    type: 'text',
    role: 'combobox',
    autoComplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': expanded,
    'aria-controls': `${id}-list`,
    'aria-activedescendant': expanded ? `${id}-option-${activeIndex}` : undefined,
    onFocus: () => setOpen(true),
    onBlur: () => setOpen(false),
    onKeyDown,
  };

  const listProps: HTMLAttributes<HTMLUListElement> = {
    id: `${id}-list`,
    role: 'listbox',
    hidden: !expanded,
  };

  const optionProps = (index: number): LiHTMLAttributes<HTMLLIElement> => ({
    id: `${id}-option-${index}`,
    role: 'option',
    'aria-selected': index === activeIndex,
    className: index === activeIndex ? 'is-active' : undefined,
    // On mousedown, keeping focus in the input, so its blur cannot close the list before the choice lands.
    onMouseDown: (event) => {
      event.preventDefault();
      const option = options[index];
      if (option !== undefined) onChoose(option);
    },
  });

  return { open, setOpen, expanded, setActive, inputProps, listProps, optionProps };
}
