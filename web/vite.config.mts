import { defineConfig } from 'vite';

/**
 * The web console (issue 15). Vite 8 transforms TSX with its own oxc (React's automatic runtime), so no React plugin
 * is needed for a production build. `npm run build` writes it to dist/web, which the server serves at `/`.
 * Everything is bundled: the console loads nothing from another host (a zone intranet reaches none).
 */
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Budget (issue 15): under 400 KB of JavaScript gzipped on first load; exceljs is loaded only when 导出 is clicked.
    chunkSizeWarningLimit: 1200,
    sourcemap: false,
    rolldownOptions: {
      // React Server Components' "use client" markers mean nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/auth': 'http://127.0.0.1:4000', '/imports': 'http://127.0.0.1:4000' },
  },
});
