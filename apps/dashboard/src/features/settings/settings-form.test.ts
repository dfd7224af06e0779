import { describe, expect, it } from 'vitest';
import { DEFAULT_COPYRIGHT_TEMPLATE, type PublicationSettings } from '@newsroom/domain';
import { changedFields, moveItem, previewBranding, timeZoneOptions, toFieldErrors, yearIn } from './settings-form.ts';

const settings: PublicationSettings = {
  name: 'Globe Echo',
  description: 'News',
  logoMediaId: '7d0f8a3e-4b1c-4e2a-9c55-1d2e3f4a5b6c',
  logoAlt: 'Smiley face',
  iconMediaId: null,
  accentColor: '#1d4ed8',
  navigation: { header: [{ label: 'Weather', url: '/weather' }], footer: [] },
  copyrightTemplate: DEFAULT_COPYRIGHT_TEMPLATE,
  defaultLicense: { code: 'all-rights-reserved', customText: null, customUrl: null },
  timeZone: 'Pacific/Auckland',
  language: 'en',
  social: { x: null, facebook: null, instagram: null, linkedin: null },
  rightsEnforcement: 'warn',
};

describe('the settings form', () => {
  it('moves navigation items up and down, ignoring moves off the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });

  it('sends only what changed', () => {
    expect(changedFields(settings, { ...settings, name: 'New', navigation: { header: [], footer: [] } })).toEqual({ name: 'New', navigation: { header: [], footer: [] } });
    expect(changedFields(settings, settings)).toEqual({});
  });

  it('keeps the first message for each field', () => {
    expect(toFieldErrors([{ field: 'name', message: 'a' }, { field: 'name', message: 'b' }, { field: 'accentColor', message: 'c' }])).toEqual({ name: 'a', accentColor: 'c' });
  });

  it('previews the unsaved branding: notice in the publication year, unsafe links disarmed, bad colours held back', () => {
    const now = new Date('2026-12-31T12:00:00Z'); // already 2027 in Auckland
    const preview = previewBranding(
      { ...settings, name: 'Echo', accentColor: '#ff', navigation: { header: [{ label: 'X', url: 'javascript:alert(1)' }, { label: 'Y', url: '/y' }], footer: [] } },
      { logo: { url: '/media/logo.svg', width: 64, height: 64 }, iconUrl: null, fallbackAccent: '#1d4ed8', now },
    );
    expect(preview.copyrightNotice).toBe('© 2027 Echo. All Rights Reserved.');
    expect(preview.navigation.header).toEqual([{ label: 'X', url: '#' }, { label: 'Y', url: '/y' }]);
    expect(preview.accentColor).toBe('#1d4ed8');
    expect(preview.accentTextColor).toBe('#ffffff');
    expect(preview.logo).toEqual({ url: '/media/logo.svg', alt: 'Smiley face', width: 64, height: 64 });
    expect(yearIn('Not/AZone', now)).toBe(2026);
  });

  it('offers every time zone, and keeps the current one', () => {
    const zones = timeZoneOptions('UTC');
    expect(zones).toContain('Europe/London');
    expect(zones).toContain('UTC');
  });
});
