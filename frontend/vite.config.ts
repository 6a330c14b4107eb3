/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

// The app is built into frontend/dist, which frontend/embed.go embeds into the qa binary.
// In development `npm run dev` proxies the API to a running `qa serve` (or the mock server).
const api = process.env.QA_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [
    react(),
    {
      // dist/.gitkeep is tracked so that `go build` works on a fresh clone (embed needs a file);
      // emptyOutDir removes it, so put it back after every build.
      name: 'keep-gitkeep',
      apply: 'build',
      closeBundle() {
        writeFileSync(resolve(import.meta.dirname, 'dist/.gitkeep'), '');
      },
    },
  ],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
