import { css } from 'lit';

/**
 * The colour scheme as CSS custom properties, light by default and dark under
 * `prefers-color-scheme: dark`. Custom properties inherit into every shadow root, so the elements
 * only read `var(--bp-…)`. Set any of them on `<bmi-app>` (the host these styles are on) to restyle
 * the app. Contrast: text colours are at least 4.5:1 on `--bp-surface`; `--bp-control-border` and
 * `--bp-accent` (the focus ring) at least 3:1 (WCAG 1.4.11); `--bp-border` is decoration only.
 *
 * @cssprop --bp-bg - Page background, also the fields' background.
 * @cssprop --bp-surface - Card background.
 * @cssprop --bp-text - Text colour.
 * @cssprop --bp-muted - Secondary text: labels, hints, axis labels.
 * @cssprop --bp-border - Card outlines, separators and chart grid lines (decorative, low contrast).
 * @cssprop --bp-control-border - Borders of fields, selects and file inputs (at least 3:1).
 * @cssprop --bp-accent - Buttons, links, focus ring and highlights.
 * @cssprop --bp-accent-text - Text on `--bp-accent`.
 * @cssprop --bp-points - Data points of the scatter plot.
 * @cssprop --bp-line - The fitted line and the training loss.
 * @cssprop --bp-validation - The validation loss and validation rows.
 * @cssprop --bp-error - Error text and outlines.
 * @cssprop --bp-ok - Success text (e.g. a backend that is ready).
 * @cssprop --bp-radius - Corner radius of cards.
 * @cssprop --bp-font - Font family.
 */
export const themeStyles = css`
  :host {
    color-scheme: light dark;
    --bp-bg: #f6f7f9;
    --bp-surface: #ffffff;
    --bp-text: #1b1f24;
    --bp-muted: #5b6470;
    --bp-border: #d5dae1;
    --bp-control-border: #808a99;
    --bp-accent: #2457c5;
    --bp-accent-text: #ffffff;
    --bp-points: #2a9d8f;
    --bp-line: #e4572e;
    --bp-validation: #8e44ad;
    --bp-error: #b3261e;
    --bp-ok: #1e7b34;
    --bp-radius: 10px;
    --bp-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --bp-bg: #101317;
      --bp-surface: #1a1f26;
      --bp-text: #e8ebef;
      --bp-muted: #a3acb8;
      --bp-border: #343c47;
      --bp-control-border: #6b7684;
      --bp-accent: #7aa2ff;
      --bp-accent-text: #0b1020;
      --bp-points: #4fd1c5;
      --bp-line: #ff8a65;
      --bp-validation: #c39bd3;
      --bp-error: #ff8a80;
      --bp-ok: #7bd88f;
    }
  }
`;

/** Cards, form controls and buttons shared by the app's panels. */
export const panelStyles = css`
  :host {
    display: block;
    font-family: var(--bp-font);
    color: var(--bp-text);
  }
  h2 {
    font-size: 1.05rem;
    margin: 0 0 0.75rem;
  }
  h3 {
    font-size: 0.95rem;
    margin: 1rem 0 0.5rem;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    font-size: 0.9rem;
    color: var(--bp-muted);
  }
  /* A label beside its control (label + select, so the select's name is the label alone). */
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  /* A checkbox with its label on one line. */
  label.check {
    flex-direction: row;
    align-items: center;
    gap: 0.5rem;
    color: var(--bp-text);
  }
  input,
  select {
    font: inherit;
    color: var(--bp-text);
    background: var(--bp-bg);
    border: 1px solid var(--bp-control-border);
    border-radius: 6px;
    padding: 0.4rem 0.5rem;
    min-width: 0;
  }
  /* Fields and selects one height, so fields in a row line up. */
  input:not([type='checkbox']):not([type='file']),
  select {
    box-sizing: border-box;
    height: 2.3rem;
  }
  input[type='file'] {
    padding: 0.3rem;
  }
  button {
    font: inherit;
    font-weight: 600;
    border: 1px solid var(--bp-accent);
    background: var(--bp-accent);
    color: var(--bp-accent-text);
    border-radius: 6px;
    padding: 0.45rem 1rem;
    cursor: pointer;
  }
  /* The lesser actions beside a main one. */
  button.secondary {
    background: transparent;
    color: var(--bp-accent);
  }
  button:disabled,
  input:disabled,
  select:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    /* Solid: a faded ring falls under the 3:1 a focus indicator needs. */
    outline: 3px solid var(--bp-accent);
    outline-offset: 2px;
  }
  /* A secondary button's border is already the accent: its ring takes the text colour to stand apart. */
  button.secondary:focus-visible {
    outline-color: var(--bp-text);
  }
  .muted {
    color: var(--bp-muted);
    font-size: 0.9rem;
  }
  .error {
    color: var(--bp-error);
  }
`;
