import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffContext } from '../context.ts';
import { createTestServices, type TestServices } from '../testing.ts';

let t: TestServices;
let admin: StaffContext;
beforeAll(async () => {
  t = await createTestServices();
  admin = await t.staff('administrator', 'Audit Admin');
  // 30 rows in one transaction (so sharing one `at`) and some an hour apart, to test the keyset order.
  await t.database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < 30; i++) {
      await trx
        .insertInto('audit_log')
        .values({ actor_id: admin.actor.id, actor_label: 'Audit Admin', action: i % 2 ? 'user.suspended' : 'redirect.created', entity_type: i % 2 ? 'user' : 'redirect', entity_id: String(i) })
        .execute();
    }
  });
  for (const [i, at] of ['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'].entries()) {
    await t.database.db
      .insertInto('audit_log')
      .values({ at: new Date(at), actor_id: null, actor_label: 'system', action: 'settings.updated', entity_type: 'settings', entity_id: `dated-${i}`, before: JSON.stringify({ n: i }), after: JSON.stringify({ n: i + 1 }), ip: '203.0.113.9' })
      .execute();
  }
});
afterAll(async () => {
  await t.close();
});

describe('the audit log', () => {
  it('pages newest first by (at, id) with no row lost or repeated', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 20; guard++) {
      const page = await t.audit.list(admin, { limit: 7, cursor });
      seen.push(...page.items.map((i) => i.id));
      for (let k = 1; k < page.items.length; k++) {
        const [a, b] = [page.items[k - 1]!, page.items[k]!];
        expect(a.at.getTime() > b.at.getTime() || (a.at.getTime() === b.at.getTime() && BigInt(a.id) > BigInt(b.id))).toBe(true);
      }
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const total = await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(seen.length).toBe(Number(total.n));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters by action (or its family), record type, actor and time', async () => {
    expect((await t.audit.list(admin, { action: 'user.suspended', limit: 100 })).items).toHaveLength(15);
    expect((await t.audit.list(admin, { action: 'user', limit: 100 })).items.every((i) => i.action.startsWith('user.'))).toBe(true);
    expect((await t.audit.list(admin, { entityType: 'redirect', limit: 100 })).items).toHaveLength(15);
    expect((await t.audit.list(admin, { actorId: admin.actor.id, limit: 100 })).items.length).toBeGreaterThanOrEqual(30);
    const dated = await t.audit.list(admin, { from: new Date('2026-01-15T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z'), limit: 100 });
    expect(dated.items.map((i) => i.entityId)).toEqual(['dated-2', 'dated-1']);
    expect(dated.items[0]).toMatchObject({ before: { n: 2 }, after: { n: 3 }, ip: '203.0.113.9', actorLabel: 'system' });
  });

  it('refuses filters it does not know and cursors it did not make', async () => {
    await expect(t.audit.list(admin, { action: "x' OR 1=1 --" })).rejects.toThrow();
    await expect(t.audit.list(admin, { cursor: '1; DROP TABLE audit_log' })).rejects.toMatchObject({ field: 'cursor' });
    await expect(t.audit.list(admin, { limit: 10_000 })).rejects.toThrow();
  });

  it('is for administrators and the owner only', async () => {
    for (const role of ['contributor', 'author', 'editor'] as const) {
      await expect(t.audit.list(await t.staff(role), {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('exports CSV with quoting and neutralised formulas', async () => {
    await t.database.db
      .insertInto('audit_log')
      .values({ actor_id: null, actor_label: '=HYPERLINK("http://evil.example","click")', action: 'user.profile_updated', entity_type: 'user', entity_id: '@SUM(A1)', after: JSON.stringify({ bio: 'a, "quoted"\nline' }), user_agent: '+cmd|calc' })
      .execute();
    const { csv, filename, rows } = await t.audit.exportCsv(admin, { action: 'user.profile_updated' });
    expect(filename).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(rows).toBe(1);
    const [header, line] = csv.split('\r\n');
    expect(header).toBe('at,actor,actor_id,action,entity_type,entity_id,before,after,ip,user_agent');
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(line).toContain(",'@SUM(A1),");
    expect(line).toContain('"{""bio"":""a, \\""quoted\\""\\nline""}"');
    expect(line!.endsWith(",'+cmd|calc")).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
