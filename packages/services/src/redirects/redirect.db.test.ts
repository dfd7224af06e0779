import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffContext } from '../context.ts';
import { createTestServices, type TestServices } from '../testing.ts';

let t: TestServices;
let editor: StaffContext;
beforeAll(async () => {
  t = await createTestServices();
  editor = await t.staff('editor');
});
afterAll(async () => {
  await t.close();
});

describe('redirects', () => {
  it('are added, found by the reader, listed and removed, each audited', async () => {
    const created = await t.redirects.create(editor, { fromPath: '/old/story/', toPath: '/article/new-story', statusCode: 308 });
    expect(created).toMatchObject({ fromPath: '/old/story', toPath: '/article/new-story', statusCode: 308 });
    expect(await t.reader.redirectFor('/old/story/')).toEqual({ to: '/article/new-story', status: 308 });
    expect((await t.redirects.list(editor, { query: 'old/st' })).map((r) => r.id)).toEqual([created.id]);
    await t.redirects.create(editor, { fromPath: '/elsewhere', toPath: 'https://example.org/page' });
    await t.redirects.remove(editor, { id: created.id });
    expect(await t.reader.redirectFor('/old/story')).toBeNull();
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_id', '=', created.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['redirect.created', 'redirect.removed']);
    expect(audit[1]!.before).toEqual({ fromPath: '/old/story', toPath: '/article/new-story', statusCode: 308 });
  });

  it.each([
    ['no leading slash', { fromPath: 'old', toPath: '/new' }, 'fromPath'],
    ['protocol-relative from', { fromPath: '//evil.example/x', toPath: '/new' }, 'fromPath'],
    ['the dashboard', { fromPath: '/admin', toPath: '/new' }, 'fromPath'],
    ['under the dashboard, any case', { fromPath: '/ADMIN/settings', toPath: '/new' }, 'fromPath'],
    ['the API', { fromPath: '/trpc/auth.login', toPath: '/new' }, 'fromPath'],
    ['media', { fromPath: '/media/x.png', toPath: '/new' }, 'fromPath'],
    ['/api', { fromPath: '/api', toPath: '/new' }, 'fromPath'],
    ['the health check', { fromPath: '/healthz', toPath: '/new' }, 'fromPath'],
    ['the home page', { fromPath: '/', toPath: '/new' }, 'fromPath'],
    ['a query string', { fromPath: '/a?b=c', toPath: '/new' }, 'fromPath'],
    ['a javascript: target', { fromPath: '/x', toPath: 'javascript:alert(1)' }, 'toPath'],
    ['a data: target', { fromPath: '/x', toPath: 'data:text/html,hi' }, 'toPath'],
    ['a protocol-relative target', { fromPath: '/x', toPath: '//evil.example' }, 'toPath'],
    ['a loop', { fromPath: '/x', toPath: '/x/' }, 'toPath'],
    ['a bad status', { fromPath: '/x', toPath: '/y', statusCode: 200 }, 'statusCode'],
  ])('refuse %s', async (_label, input, field) => {
    const error = await t.redirects.create(editor, input as never).then(
      () => null,
      (e: { issues?: Array<{ path: unknown[] }> }) => e,
    );
    expect(error?.issues?.map((i) => i.path.join('.'))).toContain(field);
  });

  it('allows paths that only start like a reserved one, and refuses a second redirect from the same path', async () => {
    await t.redirects.create(editor, { fromPath: '/administration', toPath: '/about' });
    await expect(t.redirects.create(editor, { fromPath: '/administration/', toPath: '/elsewhere' })).rejects.toMatchObject({ code: 'REDIRECT_EXISTS', field: 'fromPath' });
  });

  it('are for editors and above', async () => {
    for (const role of ['contributor', 'author'] as const) {
      await expect(t.redirects.list(await t.staff(role), {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
