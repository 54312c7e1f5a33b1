import { css } from 'lit';

/**
 * Styles of `<bmi-predictor>`. It lives on pages it does not know, so text, font and background come
 * from the page by default, and the few colours of its own follow the page's colour scheme through
 * `light-dark()`: dark only where the page declares `color-scheme: dark` (or `light dark` with a dark
 * preference), so light text never lands on a page that stays white. Every default can be overridden
 * with a `--bmi-predictor-*` custom property, and every piece is a `::part()`.
 */
export const bmiPredictorStyles = css`
  :host {
    display: block;
    font-family: var(--bmi-predictor-font, inherit);
    color: var(--bmi-predictor-text, inherit);
    --_accent: var(--bmi-predictor-accent, light-dark(#2457c5, #7aa2ff));
    --_accent-text: var(--bmi-predictor-accent-text, light-dark(#ffffff, #0b1020));
    --_error: var(--bmi-predictor-error, light-dark(#b3261e, #ff8a80));
    --_warning: var(--bmi-predictor-warning, light-dark(#8a4b00, #ffb74d));
    --_muted: var(--bmi-predictor-muted, color-mix(in srgb, currentColor 72%, transparent));
    /* 60% of the text colour: at least 3:1 against the page for dark-on-light and light-on-dark text. */
    --_border: var(--bmi-predictor-border, color-mix(in srgb, currentColor 60%, transparent));
    --_radius: var(--bmi-predictor-radius, 6px);
  }
  /* Browsers before light-dark() (2024) would drop these defaults altogether: give them the light ones. */
  @supports not (color: light-dark(#000, #fff)) {
    :host {
      --_accent: var(--bmi-predictor-accent, #2457c5);
      --_accent-text: var(--bmi-predictor-accent-text, #ffffff);
      --_error: var(--bmi-predictor-error, #b3261e);
      --_warning: var(--bmi-predictor-warning, #8a4b00);
    }
  }
  [hidden] {
    display: none !important;
  }
  .box {
    position: relative;
    background: var(--bmi-predictor-surface, transparent);
    border-radius: var(--_radius);
    outline: 2px dashed transparent;
    outline-offset: 4px;
  }
  .box.dragging {
    outline-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, var(--bmi-predictor-surface, transparent));
  }
  form {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.5rem;
    align-items: end;
  }
  label {
    grid-column: 1 / -1;
    font-weight: 600;
  }
  input {
    font: inherit;
    color: inherit;
    background: var(--bmi-predictor-bg, transparent);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.45rem 0.6rem;
    min-width: 0;
  }
  .range {
    grid-column: 1 / -1;
    margin-top: -0.3rem;
    font-size: 0.85em;
    color: var(--_muted);
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  button {
    font: inherit;
    font-weight: 600;
    background: var(--_accent);
    color: var(--_accent-text);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.45rem 1rem;
    cursor: pointer;
  }
  input:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .result {
    margin-top: 0.75rem;
    font-size: 1.1rem;
    min-height: 1.5em;
  }
  output {
    font-weight: 700;
    font-size: 1.4rem;
  }
  .interval {
    font-weight: 400;
    font-size: 1rem;
  }
  /* An extrapolation is marked twice: the sentence, and the result itself set off in the warning colour. */
  .result.extrapolated {
    border-left: 4px solid var(--_warning);
    padding-left: 0.5rem;
  }
  .extrapolation {
    margin: 0.25rem 0 0;
    font-size: 0.9rem;
    color: var(--_warning);
  }
  .flag {
    font-weight: 700;
  }
  .note {
    margin: 0.25rem 0 0;
    font-size: 0.85rem;
    color: var(--_muted);
  }
  .message {
    grid-column: 1 / -1;
    margin: 0;
    min-height: 1.2em;
    font-size: 0.9rem;
    color: var(--_muted);
  }
  .message.error {
    color: var(--_error);
  }
  .drop-hint {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    margin: 0;
    border-radius: var(--_radius);
    font-weight: 600;
    color: var(--_accent-text);
    background: color-mix(in srgb, var(--_accent) 85%, transparent);
    pointer-events: none;
  }
`;
