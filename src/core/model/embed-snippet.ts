/**
 * The HTML that puts a model on any page: the `<bmi-predictor>` script and the element with the
 * model's weights file inline (the `weights` attribute), so the page needs no second file.
 */
import type { Model } from './model.ts';
import { toWeightsFile } from './weights-file.ts';

/** The standalone element's file, as `npm run build` names it in dist/. */
export const EMBED_SCRIPT = 'bmi-predictor.js';

/** A single-quoted attribute value: only `&` and `'` need escaping inside it. */
function singleQuotedAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll("'", '&#39;');
}

/** The snippet for `model`; throws a WeightsWriteError for a model that cannot be written. */
export function embedSnippet(model: Model, scriptSrc = EMBED_SCRIPT): string {
  const weights = JSON.stringify(toWeightsFile(model));
  return `<script type="module" src="${scriptSrc}"></script>\n<bmi-predictor weights='${singleQuotedAttribute(weights)}'></bmi-predictor>\n`;
}
