export { preparedQuery, type PreparedQuery } from './prepared-query.ts';
export { createDb, type DbConfig, type DbHandle, type NotificationListener } from './create-db.ts';
export { migrateToLatest, migrateDown, migrations } from './migrate.ts';
export * from './schema.ts';
export { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
export type { ExpressionBuilder } from 'kysely';
export { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
