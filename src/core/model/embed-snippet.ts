/**
 * The HTML that puts a model on any page: the `<bmi-predictor>` script and the element with the
 * model's weights file inline (the `weights` attribute), so the page needs no second file, and the
 * data's own word for its rows (`population`), so the interval reads as the app's does.
 */
import type { Model } from './model.ts';
import { toWeightsFile } from './weights-file.ts';

/** The standalone element's file, as `npm run build` names it in dist/. */
export const EMBED_SCRIPT = 'bmi-predictor.js';

export interface SnippetOptions {
  /** Where the page loads the element from: the app's own absolute URL of it, or a file beside the page. */
  scriptSrc?: string;
  /** What the training rows are ("countries"), for "95% of countries with this BMI". */
  population?: string;
}

/** A single-quoted attribute value: only `&` and `'` need escaping inside it. */
function singleQuotedAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll("'", '&#39;');
}

/** A double-quoted attribute value: `&`, `"` and `<` escaped. */
function doubleQuotedAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** The snippet for `model`; throws a WeightsWriteError for a model that cannot be written. */
export function embedSnippet(model: Model, { scriptSrc = EMBED_SCRIPT, population }: SnippetOptions = {}): string {
  const weights = JSON.stringify(toWeightsFile(model));
  const rows = population === undefined ? '' : ` population="${doubleQuotedAttribute(population)}"`;
  return `<script type="module" src="${doubleQuotedAttribute(scriptSrc)}"></script>\n<bmi-predictor${rows} weights='${singleQuotedAttribute(weights)}'></bmi-predictor>\n`;
}
