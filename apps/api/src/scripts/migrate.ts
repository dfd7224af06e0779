import { createDb, migrateDown, migrateToLatest } from '@newsroom/db';
import { readEnv } from '../env.ts';

/** `pnpm db:migrate` runs pending migrations; `pnpm db:migrate down` reverts the latest one. */
const env = readEnv();
const database = await createDb(env.database);
try {
  const names = process.argv[2] === 'down' ? await migrateDown(database.db) : await migrateToLatest(database.db);
  process.stdout.write(names.length ? `${process.argv[2] === 'down' ? 'Reverted' : 'Applied'}: ${names.join(', ')}\n` : 'Nothing to do: the database is up to date.\n');
} finally {
  await database.close();
}
