import { css } from 'lit';

/** The app's page layout: header, the grid of cards, notices. */
export const bmiAppStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--bp-bg);
    color: var(--bp-text);
    font-family: var(--bp-font);
  }
  header {
    max-width: 1200px;
    margin: 0 auto;
    padding: 1.25rem 1rem 0.5rem;
  }
  h1 {
    font-size: clamp(1.3rem, 4vw, 1.8rem);
    margin: 0 0 0.25rem;
  }
  .tagline {
    margin: 0 0 0.75rem;
    color: var(--bp-muted);
  }
  main {
    max-width: 1200px;
    margin: 0 auto;
    padding: 0.5rem 1rem 2rem;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr));
    gap: 1rem;
  }
  /*
   * Two columns when there is room: Data and Predict beside Training (about as tall as both), then Fit
   * and Model across the width, so no card is stretched around empty space or left beside a hole.
   */
  @media (min-width: 900px) {
    main {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      grid-template-areas:
        'data training'
        'predict training'
        'fit fit'
        'model model';
      align-items: start;
    }
    .data {
      grid-area: data;
    }
    .training {
      grid-area: training;
      align-self: stretch;
    }
    .predict {
      grid-area: predict;
      align-self: stretch;
    }
    .fit {
      grid-area: fit;
    }
    .model {
      grid-area: model;
    }
  }
  .card {
    background: var(--bp-surface);
    border: 1px solid var(--bp-border);
    border-radius: var(--bp-radius);
    padding: 1rem;
    min-width: 0;
  }
  .card h2 {
    font-size: 1.05rem;
    margin: 0 0 0.75rem;
  }
  .error {
    color: var(--bp-error);
  }
  .muted {
    color: var(--bp-muted);
    font-size: 0.9rem;
  }
  .status-line {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }
  .notices {
    margin: 0.75rem 0 0;
    padding: 0.5rem 0.75rem 0.5rem 2rem;
    border: 1px solid var(--bp-border);
    border-left: 4px solid var(--bp-accent);
    border-radius: 6px;
    background: var(--bp-surface);
    font-size: 0.9rem;
  }
`;
