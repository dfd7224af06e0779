import type { SettingsRow } from '@newsroom/db';
import { LICENSES, renderCopyrightNotice, type LicenseCode, type PublicArticle } from '@newsroom/domain';

export interface RightsRow {
  published_at: Date | null;
  copyright_holder: string | null;
  copyright_year: number | null;
  license_code: string | null;
  syndication_allowed: boolean;
}

/**
 * An article's public rights: its own licence or the publication's default, and the notice to print. One
 * rule for the article page, previews and feeds. A preview of an unpublished draft dates it `now`.
 */
export function articleRights(row: RightsRow, settings: SettingsRow | undefined, now = new Date()): PublicArticle['rights'] {
  const publication = settings?.name ?? '';
  const defaultLicense = (settings?.default_license ?? {
    code: 'all-rights-reserved',
    customText: null,
    customUrl: null,
  }) as {
    code: LicenseCode;
    customText: string | null;
    customUrl: string | null;
  };
  const licenseCode = (row.license_code ?? defaultLicense.code) as LicenseCode;
  const license =
    licenseCode === 'custom'
      ? {
          code: 'custom',
          label: defaultLicense.customText ?? LICENSES.custom.label,
          url: defaultLicense.customUrl,
        }
      : {
          code: licenseCode,
          label: LICENSES[licenseCode]?.label ?? LICENSES['all-rights-reserved'].label,
          url: LICENSES[licenseCode]?.url ?? null,
        };
  const copyrightYear = row.copyright_year ?? (row.published_at ?? now).getUTCFullYear();
  const copyrightHolder = row.copyright_holder ?? publication;
  const notice =
    licenseCode === 'all-rights-reserved'
      ? renderCopyrightNotice(settings?.copyright_template ?? '© {year} {publication}', {
          year: copyrightYear,
          publication: copyrightHolder,
        })
      : `© ${copyrightYear} ${copyrightHolder}. ${license.label}.`;
  return { notice, copyrightHolder, copyrightYear, license, syndicationAllowed: row.syndication_allowed };
}
