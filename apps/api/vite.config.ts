import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// Production bundle of the server: our workspace packages (TypeScript and TSX) are compiled in; every
// npm dependency stays an ordinary import from node_modules (so each must be listed in package.json).
const isBareDependency = (id: string) => /^(?!@newsroom\/)(@[\w.-]+\/)?[\w.-]+/.test(id) && !id.startsWith('.');
export default defineConfig({
  build: {
    ssr: 'src/server.ts',
    outDir: 'dist',
    target: 'node20',
    sourcemap: true,
    emptyOutDir: true,
    rollupOptions: {
      output: { format: 'es', entryFileNames: '[name].js' },
      external: isBareDependency,
    },
  },
  ssr: {
    noExternal: [/^@newsroom\//],
    external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
  },
});
