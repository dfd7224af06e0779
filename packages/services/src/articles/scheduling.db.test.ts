import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body } from '@newsroom/content';
import { sql } from '@newsroom/db';
import type { StaffContext } from '../context.ts';
import { createJobQueue, createServices, type JobQueue, type Services } from '../index.ts';
import { registerArticleJobs } from './article.jobs.ts';
import { createTestServices, type TestServices } from '../testing.ts';

// Scheduling runs on the real job queue (pg-boss) and real time: articles are scheduled a second or two
// ahead and the test polls, within a bound, for the result.

let t: TestServices;
let author: StaffContext;
beforeAll(async () => {
  t = await createTestServices({ clock: () => new Date() });
  author = await t.staff('author');
});
afterAll(async () => {
  await t.close();
});

/**
 * One server process: its own job queue and the article job workers over the shared test database. Only
 * this feature's workers (startWorkers adds them with one line): other features' pollers are not under test,
 * and on embedded PGlite every extra connection polling makes the socket's message interleaving more likely.
 */
interface Process {
  services: Services;
  queue: JobQueue;
  stop(): Promise<void>;
}

async function startProcess(): Promise<Process> {
  const queue = await createJobQueue({
    database: t.database,
    pollingIntervalSeconds: 0.5,
    schedules: false,
  });
  const services = createServices({ ...t.deps, jobs: queue });
  await registerArticleJobs(services, queue);
  return { services, queue, stop: () => queue.stop() };
}

const doc = (text: string) => body.documentOf([body.paragraph(text)]);
let n = 0;

/** A new article scheduled `inMs` from now through `services`. */
async function scheduled(services: Services, inMs: number) {
  n += 1;
  const draft = await services.articles.create(author, {
    headline: `Embargoed story ${n}`,
    dek: '',
    sectionId: null,
    body: doc('Not yet.'),
  });
  const at = new Date(Date.now() + inMs);
  const article = await services.articles.transition(author, {
    id: draft.id,
    baseVersion: draft.version,
    to: 'scheduled',
    scheduledAt: at,
  });
  return { ...article, at };
}

function stored(id: string) {
  return t.database.db
    .selectFrom('articles')
    .select(['status', 'published_at', 'first_published_at', 'scheduled_at', 'publish_job_id', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function publishAudits(id: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['actor_id', 'actor_label', 'after'])
    .where('entity_id', '=', id)
    .where('action', '=', 'article.published')
    .execute();
}

async function jobState(id: string): Promise<string | undefined> {
  const { rows } = await sql<{ state: string }>`SELECT state FROM pgboss.job WHERE id = ${id}::uuid`.execute(
    t.database.db,
  );
  return rows[0]?.state;
}

/** Polls until the article is published; returns when that was seen. Fails after `limitMs`. */
async function publishedWithin(id: string, limitMs = 20_000): Promise<Date> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if ((await stored(id)).status === 'published') return new Date();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`article ${id} was not published within ${limitMs} ms`);
}

/** Waits until real time has passed `date` (for checking that something did not happen by then). */
function until(date: Date): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, date.getTime() - Date.now())));
}

describe('scheduled publishing', () => {
  it('publishes once, at the scheduled time, and keeps the article off the public site until then', async () => {
    const proc = await startProcess();
    try {
      const article = await scheduled(proc.services, 2_000);
      const before = await stored(article.id);
      expect(before.status).toBe('scheduled');
      expect(before.publish_job_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await jobState(before.publish_job_id!)).toBe('created');

      // Embargo: nothing public before the time.
      expect(await t.reader.article(article.slug)).toBeNull();
      expect(JSON.stringify(await t.reader.home())).not.toContain(article.slug);

      const seenAt = await publishedWithin(article.id);
      expect(seenAt.getTime()).toBeGreaterThanOrEqual(article.at.getTime());
      expect(seenAt.getTime() - article.at.getTime()).toBeLessThan(5_000);
      const after = await stored(article.id);
      expect(after.published_at).toEqual(article.at);
      expect(after.first_published_at).toEqual(article.at);
      expect(after.scheduled_at).toBeNull();
      expect(after.publish_job_id).toBeNull();
      expect(after.version).toBe(before.version + 1);
      expect((await t.reader.article(article.slug))?.headline).toBe(article.headline);
      expect(t.changes).toContainEqual({ kind: 'article', articleId: article.id });

      // A repeated job (a retry, a second delivery) changes nothing.
      expect(
        await proc.services.scheduling.publishScheduled({
          articleId: article.id,
          scheduledAt: article.at.toISOString(),
        }),
      ).toBe(false);
      const audits = await publishAudits(article.id);
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({
        actor_id: null,
        actor_label: 'system',
        after: { status: 'published', scheduled: true },
      });
      const revisions = await t.database.db
        .selectFrom('revisions')
        .select(['kind', 'created_by', 'status'])
        .where('article_id', '=', article.id)
        .where('article_version', '=', after.version)
        .execute();
      expect(revisions).toEqual([{ kind: 'status', created_by: null, status: 'published' }]);
    } finally {
      await proc.stop();
    }
  });

  it('never publishes an article that was unscheduled, even if its job runs', async () => {
    const proc = await startProcess();
    try {
      const article = await scheduled(proc.services, 1_500);
      const jobId = (await stored(article.id)).publish_job_id!;
      await proc.services.articles.transition(author, {
        id: article.id,
        baseVersion: article.version,
        to: 'draft',
      });
      expect(await jobState(jobId)).toBe('cancelled');
      // Correctness does not rest on the cancel: the job itself, run late, finds nothing to do.
      expect(
        await proc.services.scheduling.publishScheduled({
          articleId: article.id,
          scheduledAt: article.at.toISOString(),
        }),
      ).toBe(false);
      await until(new Date(article.at.getTime() + 1_500));
      expect((await stored(article.id)).status).toBe('draft');
      expect(await publishAudits(article.id)).toHaveLength(0);
    } finally {
      await proc.stop();
    }
  });

  it('after a reschedule to later, publishes at the new time and not at the old', async () => {
    const proc = await startProcess();
    try {
      const article = await scheduled(proc.services, 1_500);
      const oldJob = (await stored(article.id)).publish_job_id!;
      const later = new Date(article.at.getTime() + 2_500);
      const moved = await proc.services.articles.transition(author, {
        id: article.id,
        baseVersion: article.version,
        to: 'scheduled',
        scheduledAt: later,
      });
      expect(moved.scheduledAt).toEqual(later);
      const newJob = (await stored(article.id)).publish_job_id!;
      expect(newJob).not.toBe(oldJob);
      expect(await jobState(oldJob)).toBe('cancelled');
      expect(
        await proc.services.scheduling.publishScheduled({
          articleId: article.id,
          scheduledAt: article.at.toISOString(),
        }),
      ).toBe(false);

      await until(new Date(article.at.getTime() + 1_000));
      expect((await stored(article.id)).status).toBe('scheduled');
      const seenAt = await publishedWithin(article.id);
      expect(seenAt.getTime()).toBeGreaterThanOrEqual(later.getTime());
      expect((await stored(article.id)).published_at).toEqual(later);
      expect(await publishAudits(article.id)).toHaveLength(1);
    } finally {
      await proc.stop();
    }
  });

  it('still publishes after a restart: the job outlives the process that queued it', async () => {
    const first = await startProcess();
    const article = await scheduled(first.services, 2_000);
    await first.stop();
    expect((await stored(article.id)).status).toBe('scheduled');

    const second = await startProcess();
    try {
      await publishedWithin(article.id);
      expect((await stored(article.id)).published_at).toEqual(article.at);
      expect(await publishAudits(article.id)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it('publishes exactly once with two processes on one database', async () => {
    const [a, b] = await Promise.all([startProcess(), startProcess()]);
    try {
      const article = await scheduled(a.services, 1_500);
      await publishedWithin(article.id);

      // Both processes running the same job at the same moment: one publishes, the other finds it done.
      const other = await scheduled(a.services, 60_000);
      const job = { articleId: other.id, scheduledAt: other.at.toISOString() };
      const results = await Promise.all([
        a.services.scheduling.publishScheduled(job),
        b.services.scheduling.publishScheduled(job),
      ]);
      expect(results.sort()).toEqual([false, true]);

      await until(new Date(article.at.getTime() + 1_500));
      expect(await publishAudits(article.id)).toHaveLength(1);
      expect(await publishAudits(other.id)).toHaveLength(1);
      const statusRevisions = await t.database.db
        .selectFrom('revisions')
        .select('id')
        .where('article_id', 'in', [article.id, other.id])
        .where('kind', '=', 'status')
        .where('status', '=', 'published')
        .execute();
      expect(statusRevisions).toHaveLength(2);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('the overdue sweep publishes a scheduled article whose job was lost', async () => {
    // Services without a job queue queue nothing: this article has no job at all.
    const article = await scheduled(t, 60 * 60_000);
    expect((await stored(article.id)).publish_job_id).toBeNull();
    try {
      expect(await t.scheduling.publishOverdue()).not.toContain(article.id);
      t.clock.advance(60 * 60_000 + 1_000);
      expect(await t.scheduling.publishOverdue()).toContain(article.id);
      expect(await t.scheduling.publishOverdue()).toEqual([]);
    } finally {
      t.clock.set(new Date());
    }
    const after = await stored(article.id);
    expect(after.status).toBe('published');
    expect(after.published_at).toEqual(article.at);
    const audits = await publishAudits(article.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ scheduled: true, via: 'sweep' });
  });
});
