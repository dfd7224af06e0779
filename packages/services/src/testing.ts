import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import type { Role } from '@newsroom/domain';
import { createServices, defaultServiceConfig, type PublicChange, type ServiceDeps, type Services, type StaffContext } from './index.ts';
import { LocalDiskMediaStore } from './media/media-store.ts';
import { seedDemoIfEmpty } from './seed/seed.service.ts';

export * as publicSite from './reader/public-site.testing.ts';

export interface TestClock {
  (): Date;
  set(date: Date | string): void;
  advance(ms: number): void;
}

export function testClock(start: Date | string = '2026-11-30T10:00:00Z'): TestClock {
  let now = new Date(start);
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (date) => (now = new Date(date));
  clock.advance = (ms) => (now = new Date(now.getTime() + ms));
  return clock;
}

/** A TestClock that runs with `source` (e.g. the real clock); set and advance shift it. */
function runningClock(source: () => Date): TestClock {
  let offset = 0;
  const clock = (() => new Date(source().getTime() + offset)) as TestClock;
  clock.set = (date) => (offset = new Date(date).getTime() - source().getTime());
  clock.advance = (ms) => (offset += ms);
  return clock;
}

export interface TestServices extends Services {
  database: TestDatabase;
  clock: TestClock;
  /** Public changes announced so far, in order. */
  changes: PublicChange[];
  /** Makes an active staff member with this role and password `correct horse battery`. */
  staff(role: Role, name?: string): Promise<StaffContext>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery';
export const TEST_SECRET = 'test-secret-not-for-production-0123456789';
let counter = 0;

/**
 * Services over a fresh database (PGlite, or a new database on DATABASE_URL's server), a temporary media
 * folder and a controllable clock. With `seed`, the demo publication is created first.
 */
export async function createTestServices(
  options: { seed?: boolean; publicUrl?: string; /** Also told of each public change (e.g. a host's change bus). */ onPublicChange?: ServiceDeps['onPublicChange']; /** A running clock instead of the fixed test clock (jobs use real time). */ clock?: () => Date } = {},
): Promise<TestServices> {
  const database = await createTestDatabase();
  const mediaDir = await mkdtemp(join(tmpdir(), 'newsroom-media-'));
  const clock = options.clock ? runningClock(options.clock) : testClock();
  const changes: PublicChange[] = [];
  const services = createServices({
    db: database.db,
    mediaStore: new LocalDiskMediaStore(mediaDir),
    config: defaultServiceConfig(options.publicUrl ?? 'http://localhost:3000', TEST_SECRET),
    clock,
    onPublicChange: async (change) => {
      changes.push(change);
      await options.onPublicChange?.(change);
    },
  });
  if (options.seed) await seedDemoIfEmpty(services.deps, { ownerEmail: 'owner@example.test', ownerPassword: TEST_PASSWORD });
  return {
    ...services,
    database,
    clock,
    changes,
    async staff(role, name) {
      counter += 1;
      const label = name ?? `${role} ${counter}`;
      const email = `${role}.${counter}.${Date.now().toString(36)}@example.test`;
      if (role === 'owner') {
        const existing = await database.db.selectFrom('users').select(['id', 'email', 'name']).where('role', '=', 'owner').executeTakeFirst();
        if (existing) return { actor: { id: existing.id, role, name: existing.name, email: existing.email }, meta: { ip: '127.0.0.1', userAgent: 'test' } };
      }
      const user = await services.users.createAccount({ email, name: label, role, password: TEST_PASSWORD });
      return { actor: { id: user.id, role, name: user.name, email: user.email }, meta: { ip: '127.0.0.1', userAgent: 'test' } };
    },
    async close() {
      await database.drop();
      await rm(mediaDir, { recursive: true, force: true });
    },
  };
}
