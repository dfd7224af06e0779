import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../env.ts';

/**
 * How fast a restart on an existing embedded database answers: starts the built server once to create and
 * seed a data folder, then restarts it several times and times spawn → first 200 from /healthz and from /.
 * Prints figures; asserts nothing (the machine is shared and noisy).
 */
const server = resolve(repoRoot, 'apps/api/dist/server.js');
const runs = Number(process.argv[2] ?? 5);
const dataDir = await mkdtemp(join(tmpdir(), 'newsroom-boot-'));
const port = 3900 + Math.floor(Math.random() * 90);

async function boot(): Promise<{ healthz: number; home: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [server], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', OWNER_PASSWORD: 'bench password 1' },
    stdio: 'ignore',
  });
  const until = async (path: string) => {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}${path}`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - started;
      if (performance.now() - started > 60_000) throw new Error(`no answer from ${path}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  try {
    const healthz = await until('/healthz');
    const home = await until('/');
    return { healthz, home };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const first = await boot();
process.stdout.write(`first start (migrate + seed): /healthz ${first.healthz.toFixed(0)} ms, / ${first.home.toFixed(0)} ms\n`);
const times: Array<{ healthz: number; home: number }> = [];
for (let i = 0; i < runs; i++) times.push(await boot());
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
process.stdout.write(
  `restart on existing data (${runs} runs): median /healthz ${median(times.map((t) => t.healthz)).toFixed(0)} ms, median first / ${median(times.map((t) => t.home)).toFixed(0)} ms\n`,
);
await rm(dataDir, { recursive: true, force: true });
