export const DEFAULT_COPYRIGHT_TEMPLATE = '© {year} {publication}. All Rights Reserved.';

/**
 * Fills the footer notice template. Only `{year}` and `{publication}` are placeholders; anything else is
 * kept as typed. The result is plain text: callers escape it for where it goes.
 */
export function renderCopyrightNotice(template: string, values: { year: number; publication: string }): string {
  return template.replace(/\{(year|publication)\}/g, (_, key: 'year' | 'publication') => String(values[key]));
}

export const LICENSES = {
  'all-rights-reserved': { label: 'All rights reserved', url: null },
  'cc-by-4.0': { label: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  'cc-by-sa-4.0': { label: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  'cc-by-nc-4.0': { label: 'CC BY-NC 4.0', url: 'https://creativecommons.org/licenses/by-nc/4.0/' },
  'cc-by-nd-4.0': { label: 'CC BY-ND 4.0', url: 'https://creativecommons.org/licenses/by-nd/4.0/' },
  custom: { label: 'Custom licence', url: null },
} as const satisfies Record<string, { label: string; url: string | null }>;
export type LicenseCode = keyof typeof LICENSES;
export const LICENSE_CODES = Object.keys(LICENSES) as [LicenseCode, ...LicenseCode[]];
