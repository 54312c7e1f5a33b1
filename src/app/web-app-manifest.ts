/**
 * The web app manifest and the colours the page and the installed app share. Read by vite.config.ts
 * (which writes `manifest.webmanifest`) and by a test that checks the manifest and the page agree.
 */

/** Page backgrounds of the two colour schemes (the same as `--bp-bg` in src/ui/theme.ts). */
export const PAGE_BACKGROUND = { light: '#f6f7f9', dark: '#101317' } as const;

export const WEB_APP_MANIFEST = {
  name: 'bmi-predictor: BMI → life expectancy on WebGPU',
  short_name: 'bmi-predictor',
  description: 'Train a linear regression from BMI to life expectancy on your GPU, in the browser. Works offline after one visit.',
  lang: 'en',
  // Relative, like the build's base: the app works from any folder of a static server.
  start_url: './',
  scope: './',
  display: 'standalone',
  theme_color: PAGE_BACKGROUND.light,
  background_color: PAGE_BACKGROUND.light,
  // Chromium reads the dark scheme's colours from here; other browsers take the light ones above.
  user_preferences: { color_scheme_dark: { theme_color: PAGE_BACKGROUND.dark, background_color: PAGE_BACKGROUND.dark } },
  icons: [
    { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    // The drawing stays inside the central 80 %, so the same picture can be masked to any shape.
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
