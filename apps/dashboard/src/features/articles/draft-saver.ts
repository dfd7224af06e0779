/**
 * Keeps an article's edits safe: every change goes to the browser's storage at once, and to the server a
 * few seconds after typing stops (or at once on an explicit save or when the page is hidden). Saves run
 * one at a time, each based on the version the previous one produced, so an editor's own autosaves never
 * collide. A save that cannot reach the server is retried; a save refused as stale stops and reports the
 * conflict without writing anything.
 */

export interface DraftFields {
  headline: string;
  dek: string;
  body: unknown;
}

export type SaveResult = { ok: true; version: number; savedAt: Date } | { ok: false; reason: 'conflict'; details: unknown } | { ok: false; reason: 'offline' | 'unauthorised'; message: string } | { ok: false; reason: 'invalid'; message: string };

export type SaverState =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'offline'; retryAt: Date; message: string }
  | { kind: 'signed-out' }
  | { kind: 'conflict'; details: unknown }
  | { kind: 'invalid'; message: string };

export interface DraftStore {
  put(key: string, value: StoredDraft): Promise<void>;
  get(key: string): Promise<StoredDraft | undefined>;
  delete(key: string): Promise<void>;
}

export interface StoredDraft {
  fields: DraftFields;
  baseVersion: number;
  changedAt: string;
}

export interface DraftSaverOptions {
  articleId: string;
  version: number;
  save: (fields: DraftFields, baseVersion: number, autosave: boolean) => Promise<SaveResult>;
  store: DraftStore;
  onState: (state: SaverState) => void;
  onSaved?: (version: number) => void;
  delayMs?: number;
}

export const draftKey = (articleId: string) => `newsroom:draft:${articleId}`;

export class DraftSaver {
  readonly #options: DraftSaverOptions;
  #version: number;
  #pending: DraftFields | null = null;
  #explicit = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | null = null;
  #retryMs = 0;
  #stopped = false;

  constructor(options: DraftSaverOptions) {
    this.#options = options;
    this.#version = options.version;
  }

  get version(): number {
    return this.#version;
  }

  get hasUnsaved(): boolean {
    return this.#pending !== null;
  }

  /** Records an edit: kept in the browser now, sent to the server after a pause in typing. */
  change(fields: DraftFields): void {
    if (this.#stopped) return;
    this.#pending = fields;
    this.#options.onState({ kind: 'unsaved' });
    void this.#options.store.put(draftKey(this.#options.articleId), { fields, baseVersion: this.#version, changedAt: new Date().toISOString() });
    this.#schedule(this.#options.delayMs ?? 2500);
  }

  /** Saves now; `explicit` marks a deliberate save (the server keeps a revision for each). */
  async flush(explicit = false): Promise<void> {
    if (explicit) this.#explicit = true;
    clearTimeout(this.#timer);
    await this.#run();
  }

  /** After a conflict is resolved, carry on from the version the resolution produced. */
  rebase(version: number, fields: DraftFields | null): void {
    this.#version = version;
    this.#stopped = false;
    this.#pending = fields;
    this.#retryMs = 0;
    if (fields) this.#schedule(0);
    else this.#options.onState({ kind: 'saved', at: new Date() });
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#stopped = true;
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(), ms);
  }

  async #run(): Promise<void> {
    if (this.#running) {
      await this.#running;
      if (this.#pending && !this.#stopped) return this.#run();
      return;
    }
    if (!this.#pending || this.#stopped) return;
    this.#running = this.#saveOnce().finally(() => {
      this.#running = null;
    });
    await this.#running;
    if (this.#pending && !this.#stopped && this.#retryMs === 0) await this.#run();
  }

  async #saveOnce(): Promise<void> {
    const fields = this.#pending!;
    const explicit = this.#explicit;
    this.#options.onState({ kind: 'saving' });
    const result = await this.#options.save(fields, this.#version, !explicit);
    if (result.ok) {
      this.#version = result.version;
      this.#retryMs = 0;
      if (explicit) this.#explicit = false;
      this.#options.onSaved?.(result.version);
      if (this.#pending === fields) {
        this.#pending = null;
        await this.#options.store.delete(draftKey(this.#options.articleId));
        this.#options.onState({ kind: 'saved', at: result.savedAt });
      }
      return;
    }
    if (result.reason === 'conflict') {
      this.#stopped = true;
      this.#options.onState({ kind: 'conflict', details: result.details });
      return;
    }
    if (result.reason === 'invalid') {
      // The server refused the content itself; retrying the same text would fail again.
      this.#options.onState({ kind: 'invalid', message: result.message });
      return;
    }
    this.#retryMs = Math.min(30_000, this.#retryMs ? this.#retryMs * 2 : 2000);
    this.#options.onState(
      result.reason === 'unauthorised' ? { kind: 'signed-out' } : { kind: 'offline', retryAt: new Date(Date.now() + this.#retryMs), message: result.message },
    );
    this.#schedule(this.#retryMs);
  }
}
