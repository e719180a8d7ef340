import { defineConfig } from 'vite';

// No @vitejs/plugin-react: Vite's bundled esbuild compiles .jsx with the
// automatic JSX runtime. No Fast Refresh, which a production build never uses.
export default defineConfig({
  base: './',
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist', minify: true, sourcemap: false },
});
