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
   * Two columns when there is room: Data (with its plots) on the left; Predict at the top right,
   * so the form and the scatter plot that marks its prediction are in view together; Training below
   * it; then Fit and Model across the width.
   */
  @media (min-width: 900px) {
    main {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      grid-template-areas:
        'data predict'
        'data training'
        'fit fit'
        'model model';
      align-items: start;
    }
    .data {
      grid-area: data;
      align-self: stretch;
    }
    .training {
      grid-area: training;
      align-self: stretch;
    }
    .predict {
      grid-area: predict;
    }
    .fit {
      grid-area: fit;
    }
    .model {
      grid-area: model;
    }
  }
  /* A section reached by a skip link takes the focus but needs no ring: the next Tab shows where it is. */
  section[tabindex='-1']:focus {
    outline: none;
  }
  /* The title, and links to the sections beside it (below it on a narrow screen). */
  .title-line {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0 1rem;
  }
  .skip-links {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.25rem;
    font-size: 0.9rem;
  }
  .skip-links a {
    color: var(--bp-accent);
    padding: 0 0.35rem;
    min-height: 24px;
    display: inline-flex;
    align-items: center;
  }
  .skip-links a:focus-visible {
    outline: 3px solid var(--bp-accent);
    outline-offset: 1px;
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
  /*
   * The tagline and the backend's line change when TensorFlow.js has started (a second or more after
   * the first paint): their space is held from the start, so the cards below do not move (layout
   * shift). Two lines of tagline and three of status on a phone, one and two on a wider screen.
   */
  .status-line {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
    min-height: 3.1rem;
  }
  @media (max-width: 600px) {
    .tagline {
      min-height: 3em;
    }
    .status-line {
      min-height: 4.6rem;
    }
  }
  .notices {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    margin: 0.75rem 0 0;
    padding: 0.5rem 0.5rem 0.5rem 0;
    border: 1px solid var(--bp-border);
    border-left: 4px solid var(--bp-accent);
    border-radius: 6px;
    background: var(--bp-surface);
    font-size: 0.9rem;
  }
  .notices ul {
    flex: 1;
    margin: 0;
    padding-left: 2rem;
  }
  .notices .dismiss {
    font: inherit;
    font-size: 1.1rem;
    line-height: 1;
    min-width: 2rem;
    min-height: 2rem;
    color: var(--bp-accent);
    background: transparent;
    border: 1px solid var(--bp-accent);
    border-radius: 6px;
    cursor: pointer;
  }
  .notices .dismiss:focus-visible {
    outline: 3px solid var(--bp-text);
    outline-offset: 2px;
  }
`;
