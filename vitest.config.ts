import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';

/** Debian's Chromium; playwright downloads no browser of its own here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What the element and controller tests share: Vite's set-up for their sources, and the browser. */
const inChromium = {
  // Pre-bundled up front: a dependency first met mid-run makes Vite reload the test page.
  optimizeDeps: { include: ['lit', 'lit/decorators.js', 'lit/directives/keyed.js', 'uplot'] },
  // The PWA plugin's virtual module exists only in the app's build: a stand-in, so Vite's
  // dependency scan (and the pre-bundling above) does not give up on it.
  resolve: { alias: { 'virtual:pwa-register': fileURLToPath(new URL('./tests/elements/stubs/pwa-register.ts', import.meta.url)) } },
};

/** Headless Chromium for a project's tests (a provider of its own for each project). */
const chromiumBrowser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  }),
  instances: [{ browser: 'chromium' as const }],
  // Charts size themselves to the page: a desktop-sized viewport, as the app has.
  viewport: { width: 1024, height: 768 },
  screenshotFailures: false,
});

export default defineConfig({
  test: {
    reporters: ['default', './tests/plain-summary-reporter.ts'],
    // Lit's development-build notice, printed once per element test file: noise, not a finding.
    onConsoleLog: (log) => !log.includes('Lit is in dev mode'),
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', sequence: { groupOrder: 1 } } },
      {
        // Each element mounted alone in real Chromium, from its TypeScript source (no build needed).
        ...inChromium,
        test: {
          name: 'elements',
          // First and by itself (about half a minute): its Chromium does not compete for the two cores
          // with the whole-app Chromium and the spawned CLI commands, whose tests have timeouts.
          sequence: { groupOrder: 0 },
          include: ['tests/elements/**/*.test.ts'],
          browser: chromiumBrowser(),
        },
      },
      {
        // Each controller of src/ui/controllers alone in real Chromium, on a stand-in host (no element).
        ...inChromium,
        test: {
          name: 'controllers',
          sequence: { groupOrder: 0 },
          include: ['tests/controllers/**/*.test.ts'],
          browser: chromiumBrowser(),
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          // Real Chromium with software WebGPU on two cores: one file at a time, generous timeouts.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      // Spawns the real `train` and `serve` commands, so each test may take a few seconds.
      {
        test: {
          name: 'cli',
          include: ['tests/cli/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
