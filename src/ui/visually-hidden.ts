import { css } from 'lit';

/** `.sr-only`: read by screen readers, not shown (the page says the same to the eye another way). */
export const visuallyHidden = css`
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
