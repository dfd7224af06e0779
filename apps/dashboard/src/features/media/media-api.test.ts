import { describe, expect, it } from 'vitest';
import type { MediaItem } from '@newsroom/domain';
import { displayUrl, toImageChoice, unusableReason } from './media-api.ts';

const base: MediaItem = {
  id: '6f1e0f8a-4c7e-4b8e-9a53-0f0d2b1d6c11',
  url: '/media/2026/11/a.jpg',
  thumbnailUrl: '/media/2026/11/a-320.webp',
  variants: [
    { url: '/media/2026/11/a-320.webp', width: 320, height: 160, format: 'webp' },
    { url: '/media/2026/11/a-640.webp', width: 640, height: 320, format: 'webp' },
    { url: '/media/2026/11/a-1024.webp', width: 1024, height: 512, format: 'webp' },
    { url: '/media/2026/11/a-1600.webp', width: 1600, height: 800, format: 'webp' },
    { url: '/media/2026/11/a-1024.avif', width: 1024, height: 512, format: 'avif' },
  ],
  mimeType: 'image/jpeg',
  bytes: 1000,
  width: 2000,
  height: 1000,
  originalFilename: 'a.jpg',
  altText: 'Boats',
  caption: 'Rescue boats',
  creator: 'Jane Doe',
  credit: null,
  copyrightHolder: null,
  licenseCode: null,
  licenseUrl: null,
  licenseExpiresAt: null,
  usageNotes: '',
  uploadedBy: null,
  createdAt: new Date('2026-11-30T10:00:00Z'),
  updatedAt: new Date('2026-11-30T10:00:00Z'),
  withdrawnAt: null,
  withdrawnReason: null,
  canUpdate: true,
  canDelete: true,
};

describe('media helpers', () => {
  it('shows the WebP nearest 1024 wide, or the original when there is none', () => {
    expect(displayUrl(base)).toBe('/media/2026/11/a-1024.webp');
    expect(displayUrl({ ...base, variants: [] })).toBe(base.url);
  });

  it('gives the editor exactly its ImageChoice, the credit falling back to the creator', () => {
    expect(toImageChoice(base)).toEqual({ mediaId: base.id, src: '/media/2026/11/a-1024.webp', altText: 'Boats', caption: 'Rescue boats', credit: 'Jane Doe' });
    expect(toImageChoice({ ...base, credit: 'Reuters' }).credit).toBe('Reuters');
  });

  it('says why an image cannot be used: withdrawn, licence run out, then no alt text', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(unusableReason(base, now)).toBeNull();
    expect(unusableReason({ ...base, altText: '  ' }, now)?.code).toBe('noAltText');
    expect(unusableReason({ ...base, altText: '', licenseExpiresAt: new Date('2026-11-01T00:00:00Z') }, now)?.code).toBe('expired');
    expect(unusableReason({ ...base, withdrawnAt: now }, now)?.code).toBe('withdrawn');
  });
});
