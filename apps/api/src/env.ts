import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root (where `.data/` lives by default), whichever folder the command ran from. */
export const repoRoot = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
})();

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('.data'),
  MEDIA_DIR: z.string().optional(),
  OWNER_EMAIL: z.email().optional(),
  OWNER_PASSWORD: z.string().min(10).optional(),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** Express's `trust proxy`: how many proxies (or which addresses) may set X-Forwarded-For. Off by default. */
  TRUST_PROXY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Signs preview links. Unset: one is generated on the first start and kept in the database. */
  APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The in-process cache of rendered reader pages; `off` renders every request (for measuring). */
  READER_CACHE: z.enum(['on', 'off']).default('on'),
  /** SMTP server for invite and password-reset mail, e.g. smtps://user:pass@mail.example.org:465. Unset: links are only shown. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL').optional(),
  /** The From address of that mail; defaults to no-reply@ the public host. */
  MAIL_FROM: z.string().min(3).max(320).optional(),
  /**
   * Private addresses the weather and markets fetches may reach, as `host[:port]` patterns separated by
   * commas (`127.0.0.1:*,quotes.internal:8080`). Unset: only public addresses.
   */
  WIDGET_ALLOW_PRIVATE_HOSTS: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((p) => p.trim()).filter(Boolean))
    .refine((patterns) => patterns.every((p) => /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.*_-]+)(?::(?:\d{1,5}|\*))?$/.test(p)), 'must be host[:port] patterns separated by commas, e.g. 127.0.0.1:*'),
});

export interface AppEnv {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  database: { kind: 'postgres'; databaseUrl: string } | { kind: 'pglite'; dataDir: string };
  mediaDir: string;
  owner: { email: string | undefined; password: string | undefined };
  seedDemo: boolean;
  trustProxy: boolean | number | string;
  logLevel: string;
  appSecret: string | undefined;
  readerCache: boolean;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  widgetAllowPrivateHosts: string[];
}

/** The only reader of process.env. Refuses to start with a clear message when a variable is wrong. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): AppEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const env = parsed.data;
  const dataDir = resolve(repoRoot, env.DATA_DIR);
  const trust = env.TRUST_PROXY;
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    database: env.DATABASE_URL ? { kind: 'postgres', databaseUrl: env.DATABASE_URL } : { kind: 'pglite', dataDir: resolve(dataDir, 'pglite') },
    mediaDir: resolve(repoRoot, env.MEDIA_DIR ?? resolve(dataDir, 'media')),
    owner: { email: env.OWNER_EMAIL, password: env.OWNER_PASSWORD },
    seedDemo: env.SEED_DEMO === 'true',
    trustProxy: trust === undefined || trust === 'false' ? false : trust === 'true' ? true : /^\d+$/.test(trust) ? Number(trust) : trust,
    logLevel: env.LOG_LEVEL,
    appSecret: env.APP_SECRET,
    readerCache: env.READER_CACHE === 'on',
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    widgetAllowPrivateHosts: env.WIDGET_ALLOW_PRIVATE_HOSTS,
  };
}
