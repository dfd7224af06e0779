import { defineConfig } from 'vite';

// Builds only the browser part of the reader: small vanilla islands and the stylesheet. Pages are
// rendered on the server from src/server, so no React ships to readers.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist/client',
    manifest: true,
    target: 'es2020',
    rollupOptions: { input: { main: 'src/client/main.ts' } },
  },
});
