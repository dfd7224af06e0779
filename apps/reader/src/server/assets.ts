/** The hashed files a page links to. */
export interface ReaderAssets {
  scripts: string[];
  styles: string[];
}

interface ManifestEntry {
  file: string;
  css?: string[];
  isEntry?: boolean;
}

/** Reads the entry's script and stylesheets from Vite's build manifest. */
export function assetsFromManifest(manifest: Record<string, ManifestEntry>): ReaderAssets {
  const entry = manifest['src/client/main.ts'];
  if (!entry) throw new Error('The reader build has no entry for src/client/main.ts; run `pnpm build`.');
  return { scripts: [`/${entry.file}`], styles: (entry.css ?? []).map((file) => `/${file}`) };
}
