/**
 * The allowed range of each training setting, and the one check both the settings form and the URL
 * use, so a value refused in one is refused in the other with the same words.
 */
import { parseDecimal } from '../model/predict.ts';
import type { Result } from '../result.ts';

export interface NumberRule {
  /** How the setting is named in messages. */
  label: string;
  min: number;
  max: number;
  integer?: boolean;
  /** The minimum itself is not allowed (e.g. a learning rate of 0). */
  aboveMin?: boolean;
  /** Shown (and typed in the form) as a percentage of the stored fraction. */
  percent?: boolean;
}

export const SETTING_RULES = {
  epochs: { label: 'Epochs', min: 1, max: 100_000, integer: true },
  learningRate: { label: 'Learning rate', min: 0, max: 10, aboveMin: true },
  batchSize: { label: 'Batch size', min: 1, max: 10_000_000, integer: true },
  validationSplit: { label: 'Validation rows', min: 0, max: 0.9, percent: true },
  seed: { label: 'Seed', min: 0, max: 4_294_967_295, integer: true },
  patience: { label: 'Patience', min: 1, max: 10_000, integer: true },
  minImprovement: { label: 'Minimum improvement', min: 0, max: 1, percent: true },
} as const satisfies Record<string, NumberRule>;

/**
 * The batch size where 0 is a value: every training row at once (full batch). The URL (`batch=0`, or
 * `batch=full`) and the CLI (`--batch 0`) take it; the settings form says it with an empty field.
 */
export const BATCH_SIZE_OR_FULL_RULE: NumberRule = { ...SETTING_RULES.batchSize, min: 0 };

export type Check<T> = Result<{ value: T }>;

/** A fraction as a percentage without float noise: 0.07 → "7". */
export function formatPercent(fraction: number): string {
  return String(Number((fraction * 100).toPrecision(12)));
}

function describeRange(rule: NumberRule): string {
  const show = (value: number): string => (rule.percent ? `${formatPercent(value)}%` : String(value));
  const kind = rule.integer ? 'a whole number' : 'a number';
  return rule.aboveMin
    ? `${kind} above ${show(rule.min)} and at most ${show(rule.max)}`
    : `${kind} from ${show(rule.min)} to ${show(rule.max)}`;
}

/** Checks a value in stored units (a fraction for percent settings). */
export function checkValue(value: number, rule: NumberRule): Check<number> {
  const inRange = Number.isFinite(value) && (rule.aboveMin ? value > rule.min : value >= rule.min) && value <= rule.max;
  if (!inRange || (rule.integer && !Number.isInteger(value))) {
    return { ok: false, error: `${rule.label} must be ${describeRange(rule)}.` };
  }
  return { ok: true, value };
}

/**
 * Checks typed text. `asTyped: 'percent'` reads a percent setting as the form shows it ("20" → 0.2);
 * otherwise the text is in stored units, as in the URL.
 */
export function checkText(text: string, rule: NumberRule, asTyped: 'stored' | 'percent' = 'stored'): Check<number> {
  const parsed = parseDecimal(text);
  if (parsed === undefined) {
    const typed = text.trim() === '' ? '' : `; "${text.trim()}" is not a number`;
    return { ok: false, error: `${rule.label} must be ${describeRange(rule)}${typed}.` };
  }
  // Dividing by 100 would turn 7 into 0.07000000000000001; going through text keeps it 0.07.
  const value = asTyped === 'percent' && rule.percent ? Number((parsed / 100).toPrecision(12)) : parsed;
  return checkValue(value, rule);
}
