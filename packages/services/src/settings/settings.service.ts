import {
  DomainError,
  PublicationSettingsSchema,
  assertCan,
  renderCopyrightNotice,
  textColorOn,
  type PublicBranding,
  type PublicationSettings,
  type UpdateSettingsInput,
} from '@newsroom/domain';
import type { SettingsRow } from '@newsroom/db';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { mediaPath } from '../media/media-url.ts';
import { findMediaFiles, findSettings, findSettingsCached } from './settings.repository.ts';
import { brandIcons, generateBrandIcons } from './brand-icons.ts';

function toSettings(row: SettingsRow): PublicationSettings {
  return {
    name: row.name,
    description: row.description,
    logoMediaId: row.logo_media_id,
    logoAlt: row.logo_alt,
    iconMediaId: row.icon_media_id,
    accentColor: row.accent_color,
    navigation: row.navigation,
    copyrightTemplate: row.copyright_template,
    defaultLicense: row.default_license as PublicationSettings['defaultLicense'],
    timeZone: row.time_zone,
    language: row.language,
    social: { x: null, facebook: null, instagram: null, linkedin: null, ...row.social },
    rightsEnforcement: row.rights_enforcement,
  };
}

// Making an Intl.DateTimeFormat costs hundreds of microseconds and every reader page asks for the year.
const yearFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar year now in the publication's time zone (a New Year's Eve in Tokyo is already next year). */
export function yearIn(timeZone: string, now: Date): number {
  let format = yearFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' });
    yearFormats.set(timeZone, format);
  }
  return Number(format.format(now));
}

export function createSettingsService(deps: ServiceDeps) {
  const { db, clock } = deps;

  let lastBranding: { row: SettingsRow; year: number; value: PublicBranding } | undefined;

  async function load(): Promise<SettingsRow> {
    const row = await findSettings(db);
    if (!row) throw new DomainError('NOT_FOUND', 'The publication has no settings yet.');
    return row;
  }

  return {
    async get(ctx: StaffContext): Promise<PublicationSettings> {
      assertCan(ctx.actor, 'settings.read');
      return toSettings(await load());
    },

    /** Branding for the public site and the dashboard chrome: safe for anyone to see. */
    async branding(): Promise<PublicBranding> {
      const row = await findSettingsCached(db);
      if (!row) throw new DomainError('NOT_FOUND', 'The publication has no settings yet.');
      // The same settings row (the memo) in the same year gives the same branding: skip the media query.
      const year = yearIn(row.time_zone, clock());
      if (lastBranding && lastBranding.row === row && lastBranding.year === year) return lastBranding.value;
      const files = await findMediaFiles(db, [row.logo_media_id, row.icon_media_id].filter((id): id is string => id !== null));
      const logoFile = files.find((f) => f.id === row.logo_media_id && !f.withdrawn_at);
      const iconFile = files.find((f) => f.id === row.icon_media_id && !f.withdrawn_at);
      const branding: PublicBranding = {
        name: row.name,
        description: row.description,
        logo: logoFile
          ? { url: mediaPath(logoFile.storage_key), alt: row.logo_alt, width: logoFile.width, height: logoFile.height }
          : null,
        iconUrl: iconFile ? mediaPath(iconFile.storage_key) : null,
        icons: iconFile ? brandIcons(row.integrations, row.icon_media_id) : [],
        accentColor: row.accent_color,
        accentTextColor: textColorOn(row.accent_color).color,
        navigation: row.navigation,
        copyrightNotice: renderCopyrightNotice(row.copyright_template, { year, publication: row.name }),
        language: row.language,
        timeZone: row.time_zone,
      };
      lastBranding = { row, year, value: branding };
      return branding;
    },

    /** Favicons, apple-touch-icon and manifest icons from one image; it becomes the publication's icon. */
    generateIcons: (ctx: StaffContext, input: { mediaId: string }) => generateBrandIcons(deps, ctx, input),

    async update(ctx: StaffContext, input: UpdateSettingsInput): Promise<PublicationSettings> {
      assertCan(ctx.actor, 'settings.update');
      const result = await db.transaction().execute(async (trx) => {
        const beforeRow = await findSettings(trx);
        if (!beforeRow) throw new DomainError('NOT_FOUND', 'The publication has no settings yet.');
        const before = toSettings(beforeRow);
        const merged = PublicationSettingsSchema.parse({ ...before, ...input });
        if (merged.logoMediaId && !merged.logoAlt) {
          throw new DomainError('BAD_INPUT', 'A logo needs alt text.', { field: 'logoAlt' });
        }
        for (const [field, id] of [['logoMediaId', merged.logoMediaId], ['iconMediaId', merged.iconMediaId]] as const) {
          if (id && (await findMediaFiles(trx, [id])).length === 0) {
            throw new DomainError('BAD_INPUT', 'No such image in the media library.', { field });
          }
        }
        await trx
          .updateTable('publication_settings')
          .set({
            name: merged.name,
            description: merged.description,
            logo_media_id: merged.logoMediaId,
            logo_alt: merged.logoAlt,
            icon_media_id: merged.iconMediaId,
            accent_color: merged.accentColor,
            navigation: JSON.stringify(merged.navigation),
            copyright_template: merged.copyrightTemplate,
            default_license: JSON.stringify(merged.defaultLicense),
            time_zone: merged.timeZone,
            language: merged.language,
            social: JSON.stringify(merged.social),
            rights_enforcement: merged.rightsEnforcement,
            updated_at: clock(),
            updated_by: ctx.actor.id,
          })
          .where('id', '=', 1)
          .execute();
        await insertAudit(trx, ctx, { action: 'settings.updated', entityType: 'settings', entityId: '1', before, after: merged });
        return merged;
      });
      await deps.onPublicChange?.({ kind: 'settings' });
      return result;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
