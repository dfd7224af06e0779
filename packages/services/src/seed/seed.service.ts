import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Database, type Kysely } from '@newsroom/db';
import { DEFAULT_COPYRIGHT_TEMPLATE, slugify } from '@newsroom/domain';
import { countWords, documentText } from '@newsroom/content';
import type { ServiceDeps } from '../context.ts';
import { hashPassword } from '../auth/password.ts';
import { insertAudit, SYSTEM_META } from '../audit/audit.repository.ts';
import { demoArticles, demoAuthors, demoSections } from './demo-articles.ts';
import { DEMO_LOGO_SVG } from './demo-logo.ts';
import { DEMO_IMAGE_CREATOR, DEMO_IMAGE_CREDIT, demoImages, type DemoImage } from './demo-images.ts';
import { generateBrandIcons } from '../settings/brand-icons.ts';
import { createMediaService } from '../media/media.service.ts';
import { loadSharp } from '../media/load-sharp.ts';
import type { StaffContext } from '../context.ts';

export interface SeedOptions {
  ownerEmail: string | undefined;
  ownerPassword: string | undefined;
  /**
   * Give the demo articles their featured images, processed like uploads (about 0.3 s of CPU each). The
   * server's demo has them; tests that do not look at the demo's images leave them out.
   */
  images?: boolean;
}

export type SeedResult =
  | { seeded: false }
  | { seeded: true; ownerEmail: string; /** Set only when we made the password up; show it once. */ generatedPassword: string | null };

const SEED_LOCK = 7_391_002;

const DEMO_NAME = 'Globe Echo';

/** True when the database holds anything a person made: then seeding must not touch it. */
async function hasContent(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ any: boolean }>`
    SELECT EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM articles) OR EXISTS (SELECT 1 FROM publication_settings) AS any
  `.execute(db);
  return rows[0]?.any ?? true;
}

/**
 * Without the demo (SEED_DEMO=false): on a database with no staff at all, creates only the owner account
 * and minimal publication settings, so someone can sign in, set the publication up or import an archive.
 */
export async function createOwnerIfNoStaff(deps: ServiceDeps, options: SeedOptions): Promise<SeedResult> {
  const anyone = await deps.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyone) return { seeded: false };
  const ownerEmail = (options.ownerEmail ?? 'owner@example.org').toLowerCase();
  const generatedPassword = options.ownerPassword ? null : randomBytes(12).toString('base64url');
  const ownerHash = await hashPassword(options.ownerPassword ?? generatedPassword!);
  const created = await deps.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    if (await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()) return false;
    const owner = await trx
      .insertInto('users')
      .values({ email: ownerEmail, name: 'Publication Owner', slug: 'owner', role: 'owner', password_hash: ownerHash, bio: '' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const hasSettings = await trx.selectFrom('publication_settings').select('id').executeTakeFirst();
    if (!hasSettings) {
      await trx
        .insertInto('publication_settings')
        .values({
          name: 'Newsroom',
          accent_color: '#1d4ed8',
          navigation: JSON.stringify({ header: [], footer: [] }),
          copyright_template: DEFAULT_COPYRIGHT_TEMPLATE,
          default_license: JSON.stringify({ code: 'all-rights-reserved', customText: null, customUrl: null }),
          social: JSON.stringify({}),
          integrations: JSON.stringify({}),
          updated_by: owner.id,
        })
        .execute();
    }
    await insertAudit(trx, { actor: null, meta: SYSTEM_META }, { action: 'publication.owner_created', entityType: 'user', entityId: owner.id });
    return true;
  });
  return created ? { seeded: true, ownerEmail, generatedPassword } : { seeded: false };
}

/**
 * On an empty database, creates the demo publication Globe Echo: settings and logo, sections, staff,
 * a dozen published articles and the owner account. Does nothing on a database with content.
 */
export async function seedDemoIfEmpty(deps: ServiceDeps, options: SeedOptions): Promise<SeedResult> {
  if (await hasContent(deps.db)) return { seeded: false };
  const ownerEmail = (options.ownerEmail ?? 'owner@globe-echo.example').toLowerCase();
  const generatedPassword = options.ownerPassword ? null : randomBytes(12).toString('base64url');
  const ownerHash = await hashPassword(options.ownerPassword ?? generatedPassword!);
  const now = deps.clock();

  const logoKey = `brand/${randomUUID()}-logo.svg`;
  await deps.mediaStore.put(logoKey, new TextEncoder().encode(DEMO_LOGO_SVG), 'image/svg+xml');

  const seeded = await deps.db.transaction().execute(async (trx) => {
    // Two processes starting at once on an empty database: the second waits, then finds content.
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    if (await hasContent(trx)) return null;

    const owner = await trx
      .insertInto('users')
      .values({ email: ownerEmail, name: 'Publication Owner', slug: 'owner', role: 'owner', password_hash: ownerHash, bio: '' })
      .returning(['id', 'name', 'email', 'role'])
      .executeTakeFirstOrThrow();

    const logo = await trx
      .insertInto('media')
      .values({
        storage_key: logoKey,
        original_filename: 'globe-echo-logo.svg',
        mime_type: 'image/svg+xml',
        bytes: DEMO_LOGO_SVG.length,
        width: 64,
        height: 64,
        alt_text: 'Smiley face',
        creator: DEMO_NAME,
        credit: DEMO_NAME,
        copyright_holder: DEMO_NAME,
        license_code: 'all-rights-reserved',
        uploaded_by: owner.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    await trx
      .insertInto('publication_settings')
      .values({
        name: DEMO_NAME,
        description: 'Independent news from around the world, every hour of the day.',
        logo_media_id: logo.id,
        logo_alt: 'Smiley face',
        accent_color: '#1d4ed8',
        navigation: JSON.stringify({
          header: [
            { label: 'Weather', url: '/weather' },
            { label: 'Live Markets', url: '/markets' },
          ],
          footer: [
            { label: 'Corrections', url: '/corrections' },
            { label: 'RSS', url: '/feed.xml' },
            { label: 'Weather', url: '/weather' },
            { label: 'Live Markets', url: '/markets' },
          ],
        }),
        copyright_template: DEFAULT_COPYRIGHT_TEMPLATE,
        default_license: JSON.stringify({ code: 'all-rights-reserved', customText: null, customUrl: null }),
        time_zone: 'Europe/London',
        language: 'en',
        social: JSON.stringify({}),
        integrations: JSON.stringify({}),
        updated_by: owner.id,
      })
      .execute();

    const sectionIds = new Map<string, string>();
    for (const [position, section] of demoSections.entries()) {
      const row = await trx.insertInto('sections').values({ ...section, position }).returning('id').executeTakeFirstOrThrow();
      sectionIds.set(section.slug, row.id);
    }

    const authorIds = new Map<string, string>();
    for (const author of demoAuthors) {
      const row = await trx
        .insertInto('users')
        .values({ email: author.email, name: author.name, slug: slugify(author.name), role: author.role, bio: author.bio, password_hash: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      authorIds.set(author.key, row.id);
    }

    const articleIds = new Map<string, string>();
    const tagIds = new Map<string, string>();
    for (const name of new Set(demoArticles.flatMap((a) => a.tags))) {
      const row = await trx.insertInto('tags').values({ name, slug: slugify(name) }).returning('id').executeTakeFirstOrThrow();
      tagIds.set(name, row.id);
    }

    for (const article of demoArticles) {
      const publishedAt = new Date(now.getTime() - article.hoursAgo * 3_600_000);
      const text = documentText(article.body);
      const [firstAuthor] = article.authors;
      const row = await trx
        .insertInto('articles')
        .values({
          slug: article.slug,
          headline: article.headline,
          dek: article.dek,
          body: JSON.stringify(article.body),
          body_text: text,
          word_count: countWords(text),
          status: 'published',
          section_id: sectionIds.get(article.section) ?? null,
          created_by: authorIds.get(firstAuthor!) ?? owner.id,
          updated_by: authorIds.get(firstAuthor!) ?? owner.id,
          created_at: publishedAt,
          updated_at: publishedAt,
          published_at: publishedAt,
          first_published_at: publishedAt,
        })
        .returning(['id', 'version', 'headline', 'dek', 'body', 'status'])
        .executeTakeFirstOrThrow();
      articleIds.set(article.slug, row.id);
      await trx
        .insertInto('article_authors')
        .values(article.authors.map((key, position) => ({ article_id: row.id, position, user_id: authorIds.get(key)!, guest_author_id: null })))
        .execute();
      await trx
        .insertInto('article_tags')
        .values(article.tags.map((name, position) => ({ article_id: row.id, tag_id: tagIds.get(name)!, position })))
        .execute();
      await trx
        .insertInto('revisions')
        .values({ article_id: row.id, article_version: row.version, kind: 'status', headline: row.headline, dek: row.dek, body: JSON.stringify(row.body), status: row.status, created_by: authorIds.get(firstAuthor!) ?? null, created_at: publishedAt })
        .execute();
    }

    await insertAudit(trx, { actor: null, meta: SYSTEM_META }, { action: 'publication.seeded', entityType: 'publication', entityId: null, after: { articles: demoArticles.length } });
    return { owner, logoId: logo.id, articleIds };
  });

  if (!seeded) {
    await deps.mediaStore.delete(logoKey);
    return { seeded: false };
  }
  // The favicons, apple-touch-icon and app icons are made from the logo, as an admin would in Settings, so
  // the demo has an icon and browsers do not ask for a /favicon.ico it lacks.
  const ctx: StaffContext = { actor: seeded.owner, meta: SYSTEM_META };
  await generateBrandIcons(deps, ctx, { mediaId: seeded.logoId });
  if (options.images) await illustrateDemoArticles(deps, ctx, seeded.articleIds);
  return { seeded: true, ownerEmail, generatedPassword };
}

/**
 * Draws each demo illustration, uploads it through the media library as the owner would (sizes, formats,
 * rights fields, audit) and makes it its article's featured image.
 */
async function illustrateDemoArticles(deps: ServiceDeps, ctx: StaffContext, articleIds: ReadonlyMap<string, string>): Promise<void> {
  const media = createMediaService(deps);
  const sharp = await loadSharp();
  const illustrate = async (image: DemoImage) => {
    const articleId = articleIds.get(image.slug);
    if (!articleId) throw new Error(`demo image for an article the demo does not have: ${image.slug}`);
    const jpeg = await sharp(Buffer.from(image.svg)).jpeg({ quality: 90 }).toBuffer();
    const item = await media.upload(ctx, {
      bytes: jpeg,
      fileName: `${image.slug}.jpg`,
      altText: image.altText,
      caption: image.caption,
      credit: DEMO_IMAGE_CREDIT,
      creator: DEMO_IMAGE_CREATOR,
      copyrightHolder: DEMO_NAME,
      licenseCode: 'all-rights-reserved',
    });
    await deps.db.updateTable('articles').set({ featured_media_id: item.id }).where('id', '=', articleId).execute();
  };
  // Two at a time: encoding waits on libvips threads, so a second image keeps the other core busy.
  const queue = [...demoImages];
  const worker = async () => {
    for (let image = queue.shift(); image; image = queue.shift()) await illustrate(image);
  };
  await Promise.all([worker(), worker()]);
}
