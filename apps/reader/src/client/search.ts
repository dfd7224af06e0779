import type { PublicSearchSuggestion } from '@newsroom/domain';

/** After the last keystroke: a word typed quickly costs one request, not one per letter. */
const DEBOUNCE_MS = 150;
const MIN_LENGTH = 2;
// SEARCH_SUGGESTIONS_MAX in domain; a value import from there would bring zod into the page's script.
const MAX_SUGGESTIONS = 5;

/**
 * The well-formed suggestions in an answer from the suggest endpoint, at most five. Only paths on this site
 * are kept (`/\evil.example` is another origin to a browser), so a suggestion can only lead to our pages.
 */
export function readSuggestions(body: unknown): PublicSearchSuggestion[] {
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return [];
  return results
    .filter(
      (r): r is PublicSearchSuggestion =>
        typeof r?.headline === 'string' && typeof r?.url === 'string' && /^\/(?![/\\])/.test(r.url),
    )
    .slice(0, MAX_SUGGESTIONS);
}

/**
 * Turns the header's search field into a combobox (the ARIA 1.2 pattern): suggestions appear in a listbox as
 * the reader types; arrows move through them, Enter opens the highlighted one, Escape closes the list. With
 * nothing highlighted, Enter submits the form to /search as it does without script.
 */
export function enhanceSearch(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const endpoint = form.dataset.suggest;
  if (!input || !endpoint || typeof AbortController !== 'function') return;
  const listId = `${input.id || 'search'}-suggestions`;

  const list = document.createElement('ul');
  list.id = listId;
  list.className = 'site-search__list';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Search suggestions');
  list.hidden = true;
  const status = document.createElement('span');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  form.append(list, status);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('aria-expanded', 'false');
  // The browser's own list of past entries would cover ours.
  input.autocomplete = 'off';

  let results: PublicSearchSuggestion[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: AbortController | null = null;

  const highlight = (index: number) => {
    active = index;
    for (const [i, option] of [...list.children].entries())
      option.setAttribute('aria-selected', String(i === index));
    const option = list.children[index];
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const setOpen = (open: boolean) => {
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (!open) highlight(-1);
  };
  const show = (found: PublicSearchSuggestion[]) => {
    results = found;
    list.replaceChildren(
      ...found.map((suggestion, i) => {
        const option = document.createElement('li');
        option.id = `${listId}-${i}`;
        option.className = 'site-search__option';
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.textContent = suggestion.headline;
        return option;
      }),
    );
    highlight(-1);
    status.textContent =
      found.length === 0 ? '' : `${found.length} suggestion${found.length === 1 ? '' : 's'}`;
    setOpen(found.length > 0);
  };
  const go = (index: number) => {
    const suggestion = results[index];
    if (!suggestion) return;
    setOpen(false);
    location.assign(suggestion.url);
  };

  const ask = async (query: string) => {
    const controller = new AbortController();
    pending = controller;
    try {
      const response = await fetch(`${endpoint}?q=${encodeURIComponent(query)}`, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
      });
      const found = response.ok ? readSuggestions(await response.json()) : [];
      // The reader may have moved on (to other words, or out of the field) while this was on its way.
      if (pending === controller && document.activeElement === input) show(found);
    } catch {
      // Aborted by a newer keystroke, or offline: the form still submits without suggestions.
    } finally {
      if (pending === controller) pending = null;
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    pending?.abort();
    // The text changed: Enter now means "search for it", not the option highlighted before.
    highlight(-1);
    const query = input.value.trim();
    if (query.length < MIN_LENGTH) {
      show([]);
      return;
    }
    timer = setTimeout(() => void ask(query), DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (event) => {
    if (event.isComposing || event.ctrlKey || event.metaKey) return;
    const count = results.length;
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && count > 0) {
      event.preventDefault();
      if (list.hidden) setOpen(true);
      if (event.altKey) return;
      if (event.key === 'ArrowDown') highlight(active + 1 < count ? active + 1 : 0);
      else highlight(active > 0 ? active - 1 : count - 1);
    } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
      event.preventDefault();
      go(active);
    } else if (event.key === 'Escape' && !list.hidden) {
      // Closes the list and keeps the text; a second Escape clears the field as the browser does.
      event.preventDefault();
      setOpen(false);
    }
  });

  input.addEventListener('blur', () => setOpen(false));
  // Pressing on the list must not take focus from the field (which would close the list first).
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const option = (event.target as Element).closest('[role="option"]');
    if (option) go([...list.children].indexOf(option));
  });
  addEventListener('pageshow', () => setOpen(false));
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT');

/** "/" focuses the search field, as on many sites, unless the reader is typing somewhere. */
export function focusOnSlash(input: HTMLInputElement): void {
  input.setAttribute('aria-keyshortcuts', '/');
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (isTyping(event.target)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
