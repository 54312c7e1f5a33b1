import { css } from 'lit';

/**
 * A small select beside a chart (which feature to plot, which parameters a slice shows): the
 * page's colours, a visible focus ring, never wider than the card.
 */
export const compactSelect = css`
  select {
    font: inherit;
    color: var(--bp-text);
    background: var(--bp-surface);
    border: 1px solid var(--bp-control-border);
    border-radius: 4px;
    padding: 0.15rem 0.3rem;
    max-width: 100%;
  }
  select:focus-visible {
    outline: 3px solid var(--bp-accent);
    outline-offset: 2px;
  }
`;
