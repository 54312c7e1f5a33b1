/**
 * Where this app serves the standalone `<bmi-predictor>`: the build puts `bmi-predictor.js` beside the
 * app's page, so its absolute URL is the page's folder plus the file name. An embed snippet that
 * points there works on any page for as long as the app is hosted at that address.
 */
import { EMBED_SCRIPT } from '../core/model/embed-snippet.ts';

export function embedScriptUrl(base: string = document.baseURI): string {
  return new URL(EMBED_SCRIPT, base).href;
}
