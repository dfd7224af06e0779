import {
  isSafeHref,
  isValidTimeZone,
  renderCopyrightNotice,
  textColorOn,
  type NavItem,
  type PublicBranding,
  type PublicationSettings,
} from '@newsroom/domain';

/** Server field errors by path (`navigation.header.0.url`), for showing beside the fields. */
export type FieldErrors = Record<string, string>;

export function toFieldErrors(list: ReadonlyArray<{ field: string; message: string }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field, message } of list) errors[field] ??= message;
  return errors;
}

/** `list` with the item at `from` moved to `to`; out-of-range moves change nothing. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

const HEX = /^#[0-9a-fA-F]{6}$/;
export const isHexColor = (value: string) => HEX.test(value);

/** The year now in `timeZone`, or in UTC while the zone typed is not a real one. */
export function yearIn(timeZone: string, now: Date): number {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  return Number(new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric' }).format(now));
}

/** Only the fields that differ from what is saved: a save never overwrites what someone else changed meanwhile. */
export function changedFields(saved: PublicationSettings, draft: PublicationSettings): Partial<PublicationSettings> {
  const changes: Partial<PublicationSettings> = {};
  for (const key of Object.keys(draft) as Array<keyof PublicationSettings>) {
    if (JSON.stringify(draft[key]) !== JSON.stringify(saved[key])) (changes as Record<string, unknown>)[key] = draft[key];
  }
  return changes;
}

export interface PreviewImage {
  url: string;
  width: number | null;
  height: number | null;
}

/**
 * The header and footer branding as the reader would build it from the unsaved form. Links that the server
 * would refuse point nowhere in the preview, and a half-typed colour shows the last good one.
 */
export function previewBranding(
  draft: PublicationSettings,
  options: { logo: PreviewImage | null; iconUrl: string | null; fallbackAccent: string; now: Date },
): PublicBranding {
  const accent = isHexColor(draft.accentColor) ? draft.accentColor.toLowerCase() : options.fallbackAccent;
  const safe = (items: NavItem[]) => items.map((item) => ({ label: item.label, url: isSafeHref(item.url) ? item.url : '#' }));
  return {
    name: draft.name,
    description: draft.description,
    logo: options.logo && draft.logoMediaId ? { url: options.logo.url, alt: draft.logoAlt, width: options.logo.width, height: options.logo.height } : null,
    iconUrl: options.iconUrl,
    accentColor: accent,
    accentTextColor: textColorOn(accent).color,
    navigation: { header: safe(draft.navigation.header), footer: safe(draft.navigation.footer) },
    copyrightNotice: renderCopyrightNotice(draft.copyrightTemplate, { year: yearIn(draft.timeZone, options.now), publication: draft.name }),
    language: draft.language,
    timeZone: draft.timeZone,
  };
}

/** Every IANA zone the browser knows, with the current value kept even if it does not list it (UTC). */
export function timeZoneOptions(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = new Set([...zones, 'UTC', current]);
  return [...all].sort((a, b) => a.localeCompare(b));
}
