// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCombobox } from './use-combobox.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let container: HTMLElement;
const chosen = vi.fn();
const outerKeyDown = vi.fn();

function Harness({
  options,
  disabled,
  containEscape,
}: {
  options: string[];
  disabled?: boolean;
  containEscape?: boolean;
}) {
  const { expanded, inputProps, listProps, optionProps } = useCombobox({
    id: 'c',
    options,
    onChoose: chosen,
    disabled,
    containEscape,
  });
  return (
    // Stands in for a dialog that closes on Escape.
    <div onKeyDown={(e) => outerKeyDown(e.key)}>
      <input {...inputProps} aria-label="Fruit" />
      <ul {...listProps} aria-label="Fruits">
        {expanded
          ? options.map((option, index) => (
              <li key={option} {...optionProps(index)}>
                {option}
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}

const render = (props: { options: string[]; disabled?: boolean; containEscape?: boolean }) =>
  act(async () => root.render(<Harness {...props} />));
const input = () => container.querySelector<HTMLInputElement>('input[role="combobox"]')!;
const list = () => container.querySelector<HTMLUListElement>('[role="listbox"]')!;
const active = () => input().getAttribute('aria-activedescendant');
const key = (name: string) =>
  act(
    async () =>
      void input().dispatchEvent(
        new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }),
      ),
  );

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.clearAllMocks();
});

describe('useCombobox', () => {
  it('opens on focus and wires the input to the list and its first option', async () => {
    await render({ options: ['apple', 'pear'] });
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(list().hidden).toBe(true);
    await act(async () => input().focus());
    expect(input().getAttribute('aria-expanded')).toBe('true');
    expect(input().getAttribute('aria-controls')).toBe('c-list');
    expect(list().id).toBe('c-list');
    expect(list().hidden).toBe(false);
    expect(active()).toBe('c-option-0');
    const first = container.querySelector('#c-option-0')!;
    expect(first.getAttribute('aria-selected')).toBe('true');
    expect(first.className).toBe('is-active');
    await act(async () => input().blur());
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(active()).toBeNull();
  });

  it('wraps the arrow keys at both ends and chooses the highlighted option with Enter', async () => {
    await render({ options: ['apple', 'pear', 'plum'] });
    await act(async () => input().focus());
    await key('ArrowUp');
    expect(active()).toBe('c-option-2');
    await key('ArrowDown');
    expect(active()).toBe('c-option-0');
    await key('ArrowDown');
    await key('Enter');
    expect(chosen).toHaveBeenCalledWith('pear');
  });

  it('keeps the highlight inside a list that shrinks', async () => {
    await render({ options: ['apple', 'pear', 'plum'] });
    await act(async () => input().focus());
    await key('ArrowUp');
    await render({ options: ['apple', 'pear'] });
    expect(active()).toBe('c-option-1');
    await key('ArrowDown');
    expect(active()).toBe('c-option-0');
  });

  it('closes on Escape, reopens on the next ArrowDown, and contains the Escape only when asked', async () => {
    await render({ options: ['apple', 'pear'], containEscape: true });
    await act(async () => input().focus());
    await key('Escape');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(outerKeyDown).not.toHaveBeenCalledWith('Escape');
    await key('ArrowDown');
    expect(active()).toBe('c-option-0');
    // Nothing is chosen while the list is shut.
    await key('Escape');
    await key('Enter');
    expect(chosen).not.toHaveBeenCalled();

    await render({ options: ['apple', 'pear'], containEscape: false });
    await key('ArrowDown');
    await key('Escape');
    expect(outerKeyDown).toHaveBeenCalledWith('Escape');
  });

  it('chooses on mousedown and keeps the focus in the input', async () => {
    await render({ options: ['apple', 'pear'] });
    await act(async () => input().focus());
    const event = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    await act(async () => void container.querySelector('#c-option-1')!.dispatchEvent(event));
    expect(event.defaultPrevented).toBe(true);
    expect(chosen).toHaveBeenCalledWith('pear');
  });

  it('stays shut while disabled or empty', async () => {
    await render({ options: ['apple'], disabled: true });
    await act(async () => input().focus());
    expect(input().getAttribute('aria-expanded')).toBe('false');
    await render({ options: [] });
    expect(input().getAttribute('aria-expanded')).toBe('false');
    await render({ options: ['apple'] });
    expect(input().getAttribute('aria-expanded')).toBe('true');
  });
});
