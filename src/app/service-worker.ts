/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the service worker that keeps the app working offline (built by vite-plugin-pwa with
 * Workbox: it precaches every file of the build on the first visit). A new version installs in the
 * background and waits: `onUpdateReady` is called, and only the returned function (the user's Reload)
 * activates it, so the running page, its workers and a training run keep the code they started with.
 */
import { registerSW } from 'virtual:pwa-register';

export function registerServiceWorker(onUpdateReady: () => void): () => Promise<void> {
  const activateWaitingVersion = registerSW({
    onNeedRefresh: onUpdateReady,
    // Offline use is a bonus: without a service worker (a browser that refuses one, a test that blocks
    // them) the app works as before, so a failed registration is not an error to show.
    onRegisterError: () => {},
  });
  // Tells the waiting worker to take over; the page reloads once it controls the page.
  return () => activateWaitingVersion(true);
}
