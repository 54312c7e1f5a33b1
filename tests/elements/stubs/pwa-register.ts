/**
 * Stands in for vite-plugin-pwa's `virtual:pwa-register` in the element tests, which run without the
 * app's Vite plugins: no service worker is registered, and no update ever waits.
 */
export function registerSW(): (reloadPage?: boolean) => Promise<void> {
  return async () => {};
}
