// @vitest-environment happy-dom
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthorRef } from './article-details.ts';

// The byline field against a fake API; the real round trip is covered by e2e/tests/editorial.spec.ts.
const api = vi.hoisted(() => ({
  staff: vi.fn(),
  guests: vi.fn(),
  createGuest: vi.fn(),
}));
vi.mock('../../lib/trpc.ts', () => ({
  trpc: {
    staff: {
      list: { query: api.staff },
      guestAuthors: { query: api.guests },
      createGuestAuthor: { mutate: api.createGuest },
    },
  },
  describeError: (error: unknown) => (error as { described?: unknown }).described ?? { message: String(error), fieldErrors: [] },
  sessionEvents: new EventTarget(),
}));

const { AuthorsField } = await import('./authors-field.tsx');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ME = 'u-me';
const flush = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

let root: Root;
let container: HTMLElement;
let latest: AuthorRef[] = [];

function Harness({ initial, canCreateGuest, mayRemoveSelf }: { initial: AuthorRef[]; canCreateGuest: boolean; mayRemoveSelf: boolean }) {
  const [authors, setAuthors] = useState(initial);
  return (
    <AuthorsField
      authors={authors}
      onChange={(next) => {
        latest = next;
        setAuthors(next);
      }}
      selfId={ME}
      mayRemoveSelf={mayRemoveSelf}
      canCreateGuest={canCreateGuest}
    />
  );
}

async function mount(options: { initial?: AuthorRef[]; canCreateGuest?: boolean; mayRemoveSelf?: boolean } = {}) {
  const initial = options.initial ?? [{ kind: 'staff', id: ME, name: 'Mae Me' }];
  latest = initial;
  await act(async () => root.render(<Harness initial={initial} canCreateGuest={options.canCreateGuest ?? true} mayRemoveSelf={options.mayRemoveSelf ?? true} />));
  await flush();
}

const names = () => [...container.querySelectorAll('.authors-field__list .authors-field__name')].map((n) => n.textContent);
const byLabel = (label: string) => {
  const found = container.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
  if (!found) throw new Error(`no button labelled ${label}`);
  return found;
};
const buttonNamed = (text: string) => {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent === text);
  if (!found) throw new Error(`no button ${text}`);
  return found;
};
const combobox = () => container.querySelector<HTMLInputElement>('input[role="combobox"]')!;
const options = () => [...container.querySelectorAll('[role="option"]')].map((o) => o.textContent);

async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function key(target: Element, name: string) {
  await act(async () => void target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true })));
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  api.staff.mockResolvedValue([
    { id: ME, name: 'Mae Me', status: 'active' },
    { id: 'u-ada', name: 'Ada Lovelace', status: 'active' },
    { id: 'u-gone', name: 'Ada Gone', status: 'suspended' },
  ]);
  api.guests.mockResolvedValue([{ id: 'g-wire', name: 'Wire Agency' }]);
  api.createGuest.mockImplementation(async (input: { name: string }) => ({ id: 'g-new', name: input.name, slug: 'x', bio: '', photoUrl: null, createdAt: new Date() }));
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.clearAllMocks();
});

describe('AuthorsField', () => {
  it('offers staff and guests as one type-ahead, without suspended accounts or those already on', async () => {
    await mount();
    await act(async () => combobox().focus());
    await type(combobox(), 'a');
    expect(options()).toEqual(['Ada Lovelace', 'Wire Agency (guest)', 'Create guest author “a”']);
    await type(combobox(), 'wire');
    await key(combobox(), 'Enter');
    expect(latest).toEqual([
      { kind: 'staff', id: ME, name: 'Mae Me' },
      { kind: 'guest', id: 'g-wire', name: 'Wire Agency' },
    ]);
    expect(names()).toEqual(['Mae Me', 'Wire Agency']);
    expect(container.querySelector('.authors-field__list')!.textContent).toContain('(guest)');
  });

  it('reorders and removes with buttons, keeping focus on the person moved', async () => {
    await mount({
      initial: [
        { kind: 'staff', id: ME, name: 'Mae Me' },
        { kind: 'guest', id: 'g-wire', name: 'Wire Agency' },
      ],
    });
    expect(byLabel('Move Mae Me up').disabled).toBe(true);
    await act(async () => byLabel('Move Wire Agency up').click());
    await flush();
    expect(names()).toEqual(['Wire Agency', 'Mae Me']);
    // At the top now, so its other move button has the focus.
    expect(document.activeElement).toBe(byLabel('Move Wire Agency down'));
    await act(async () => byLabel('Remove Wire Agency from the authors').click());
    expect(latest).toEqual([{ kind: 'staff', id: ME, name: 'Mae Me' }]);
    // Nobody takes off the last name.
    expect(byLabel('Remove Mae Me from the authors').disabled).toBe(true);
  });

  it('keeps a role that edits only its own articles on the byline', async () => {
    await mount({
      initial: [
        { kind: 'staff', id: ME, name: 'Mae Me' },
        { kind: 'guest', id: 'g-wire', name: 'Wire Agency' },
      ],
      mayRemoveSelf: false,
    });
    expect(byLabel('Remove Mae Me from the authors').disabled).toBe(true);
    expect(byLabel('Remove Wire Agency from the authors').disabled).toBe(false);
  });

  it('creates a guest author inline, with a bio, and adds them to the end of the byline', async () => {
    await mount();
    await act(async () => combobox().focus());
    await type(combobox(), 'Fran Lancer');
    expect(options()).toEqual(['Create guest author “Fran Lancer”']);
    await key(combobox(), 'Enter');
    await flush();
    const form = container.querySelector('[role="group"]')!;
    expect(form.textContent).toContain('New guest author');
    const [name] = form.querySelectorAll('input');
    expect(name!.value).toBe('Fran Lancer');
    await type(form.querySelector('textarea')!, 'Covers the ports.');
    await act(async () => buttonNamed('Create and add').click());
    await flush();
    expect(api.createGuest).toHaveBeenCalledWith({ name: 'Fran Lancer', bio: 'Covers the ports.' });
    expect(latest).toEqual([
      { kind: 'staff', id: ME, name: 'Mae Me' },
      { kind: 'guest', id: 'g-new', name: 'Fran Lancer' },
    ]);
    expect(container.querySelector('[role="group"]')).toBeNull();
  });

  it('shows the server reason next to the name and keeps the form open when creating fails', async () => {
    api.createGuest.mockRejectedValue({ described: { message: 'name: must not be empty', fieldErrors: [{ field: 'name', message: 'must not be empty' }] } });
    await mount();
    await act(async () => buttonNamed('New guest author…').click());
    await flush();
    const form = container.querySelector('[role="group"]')!;
    await type(form.querySelector('input')!, '\u200b');
    await act(async () => buttonNamed('Create and add').click());
    await flush();
    expect(form.textContent).toContain('must not be empty');
    expect(latest).toHaveLength(1);
    await key(form.querySelector('input')!, 'Escape');
    expect(container.querySelector('[role="group"]')).toBeNull();
  });

  it('offers no way to create guest authors to a role that may not', async () => {
    await mount({ canCreateGuest: false });
    await act(async () => combobox().focus());
    await type(combobox(), 'Somebody New');
    expect(options()).toEqual([]);
    expect([...container.querySelectorAll('button')].some((b) => b.textContent === 'New guest author…')).toBe(false);
  });
});
