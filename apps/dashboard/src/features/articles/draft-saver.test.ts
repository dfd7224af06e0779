import { describe, expect, it } from 'vitest';
import { DraftSaver, draftKey, type DraftFields, type SaveResult, type SaverState, type StoredDraft } from './draft-saver.ts';

// The saver's own logic (ordering, retries, stopping on conflict). The real server round trip is covered
// by the Playwright tests in e2e/.

class MemoryStore {
  readonly map = new Map<string, StoredDraft>();
  async put(key: string, value: StoredDraft) {
    this.map.set(key, value);
  }
  async get(key: string) {
    return this.map.get(key);
  }
  async delete(key: string) {
    this.map.delete(key);
  }
}

const fields = (text: string): DraftFields => ({ headline: text, dek: '', body: { root: { type: 'root', children: [] } } });

function setup(respond: (call: { fields: DraftFields; baseVersion: number }) => Promise<SaveResult>) {
  const store = new MemoryStore();
  const states: SaverState[] = [];
  const calls: Array<{ fields: DraftFields; baseVersion: number; autosave: boolean }> = [];
  const saver = new DraftSaver({
    articleId: 'a1',
    version: 1,
    store,
    delayMs: 5,
    onState: (s) => states.push(s),
    save: async (f, baseVersion, autosave) => {
      calls.push({ fields: f, baseVersion, autosave });
      return respond({ fields: f, baseVersion });
    },
  });
  return { saver, store, states, calls };
}

describe('DraftSaver', () => {
  it('keeps every change in the browser until the server confirms it', async () => {
    let release!: () => void;
    const { saver, store } = setup(() => new Promise((r) => (release = () => r({ ok: true, version: 2, savedAt: new Date() }))));
    saver.change(fields('one'));
    await new Promise((r) => setTimeout(r, 0));
    expect(store.map.get(draftKey('a1'))?.fields.headline).toBe('one');
    const flushing = saver.flush();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await flushing;
    expect(store.map.has(draftKey('a1'))).toBe(false);
  });

  it('sends saves one at a time, each on the version the previous produced', async () => {
    let version = 1;
    const { saver, calls } = setup(async ({ baseVersion }) => {
      await new Promise((r) => setTimeout(r, 5));
      expect(baseVersion).toBe(version);
      version += 1;
      return { ok: true, version, savedAt: new Date() };
    });
    saver.change(fields('a'));
    const first = saver.flush();
    saver.change(fields('ab'));
    const second = saver.flush(true);
    await Promise.all([first, second]);
    expect(calls.map((c) => [c.fields.headline, c.baseVersion])).toEqual([
      ['a', 1],
      ['ab', 2],
    ]);
    expect(calls[1]!.autosave).toBe(false);
    expect(saver.version).toBe(3);
  });

  it('stops on a conflict and writes nothing more', async () => {
    const { saver, states, calls } = setup(async () => ({ ok: false, reason: 'conflict', details: { currentVersion: 5 } }));
    saver.change(fields('mine'));
    await saver.flush();
    saver.change(fields('mine, more'));
    await saver.flush();
    expect(calls).toHaveLength(1);
    expect(states.at(-1)).toEqual({ kind: 'conflict', details: { currentVersion: 5 } });
  });

  it('retries when offline and reports when it will try again', async () => {
    let attempts = 0;
    const { saver, states } = setup(async () => (++attempts < 2 ? { ok: false, reason: 'offline', message: 'no network' } : { ok: true, version: 2, savedAt: new Date() }));
    saver.change(fields('x'));
    await saver.flush();
    expect(states.some((s) => s.kind === 'offline')).toBe(true);
    await saver.flush();
    expect(states.at(-1)?.kind).toBe('saved');
  });
});
