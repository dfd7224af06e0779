// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MediaItem } from '@newsroom/domain';

// The picker's own behaviour against a fake API; the real round trip is covered by e2e/tests/media.spec.ts.
const api = vi.hoisted(() => ({
  list: vi.fn(),
  update: vi.fn(),
}));
vi.mock('../../lib/trpc.ts', () => ({
  trpc: { media: { list: { query: api.list }, update: { mutate: api.update }, get: { query: vi.fn() } } },
  describeError: (error: unknown) => ({ message: String(error), fieldErrors: [] }),
  sessionEvents: new EventTarget(),
}));

const { openMediaPicker } = await import('./media-picker.tsx');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function item(id: string, altText: string, extra: Partial<MediaItem> = {}): MediaItem {
  return {
    id,
    url: `/media/2026/11/${id}.png`,
    thumbnailUrl: `/media/2026/11/${id}.png`,
    variants: [],
    mimeType: 'image/png',
    bytes: 100,
    width: 10,
    height: 10,
    originalFilename: `${id}.png`,
    altText,
    caption: 'A caption',
    creator: null,
    credit: 'Studio',
    copyrightHolder: null,
    licenseCode: null,
    licenseUrl: null,
    licenseExpiresAt: null,
    usageNotes: '',
    uploadedBy: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    withdrawnAt: null,
    withdrawnReason: null,
    canUpdate: true,
    canDelete: true,
    ...extra,
  };
}

const flush = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

function button(name: RegExp): HTMLButtonElement {
  const found = [...document.querySelectorAll('button')].find((b) => name.test(b.textContent ?? '') || name.test(b.querySelector('img')?.alt ?? ''));
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

beforeEach(() => {
  api.list.mockResolvedValue({ items: [item('with-alt', 'Boats in a flood'), item('no-alt', '')], nextCursor: null });
  api.update.mockImplementation(async (input: { id: string; altText: string }) => item(input.id, input.altText));
});
afterEach(() => {
  document.body.innerHTML = '';
  vi.clearAllMocks();
});

describe('openMediaPicker', () => {
  it('resolves with the chosen image as the editor takes it', async () => {
    let result: unknown;
    await act(async () => {
      void openMediaPicker().then((r) => (result = r));
    });
    await flush();
    expect(document.querySelector('dialog')?.open).toBe(true);
    await act(async () => button(/Boats in a flood/).click());
    await act(async () => button(/Use this image/).click());
    await flush();
    expect(result).toEqual({ mediaId: 'with-alt', src: '/media/2026/11/with-alt.png', altText: 'Boats in a flood', caption: 'A caption', credit: 'Studio' });
    expect(document.querySelector('dialog')).toBeNull();
  });

  it('asks for alt text before an image without it can be used, and saves it to the library', async () => {
    let result: unknown;
    await act(async () => {
      void openMediaPicker().then((r) => (result = r));
    });
    await flush();
    await act(async () => button(/no-alt\.png/).click());
    const use = button(/Save alt text and use image/);
    await act(async () => use.click());
    expect(api.update).not.toHaveBeenCalled();
    expect(document.body.textContent).toContain('Add alt text to the image before using it');

    const field = document.querySelector<HTMLTextAreaElement>('textarea')!;
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(field, 'A flooded street');
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => button(/Save alt text and use image/).click());
    await flush();
    expect(api.update).toHaveBeenCalledWith({ id: 'no-alt', altText: 'A flooded street' });
    expect(result).toMatchObject({ mediaId: 'no-alt', altText: 'A flooded street' });
  });

  it('resolves null when closed by its button or by Escape', async () => {
    let result: unknown = 'pending';
    await act(async () => {
      void openMediaPicker().then((r) => (result = r));
    });
    await flush();
    await act(async () => document.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click());
    await flush();
    expect(result).toBeNull();

    result = 'pending';
    await act(async () => {
      void openMediaPicker().then((r) => (result = r));
    });
    await flush();
    // Escape on a modal dialog fires `cancel`.
    await act(async () => void document.querySelector('dialog')!.dispatchEvent(new Event('cancel', { cancelable: true })));
    await flush();
    expect(result).toBeNull();
    expect(document.querySelector('dialog')).toBeNull();
  });
});
