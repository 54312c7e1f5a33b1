import { css } from 'lit';

/**
 * `.truncate`: one line, cut with an ellipsis where it would overflow its box, so a long label (a
 * 10,000-character country name) never widens the page. The element keeps the whole text in the DOM
 * (its accessible name) and in a `title` (the tooltip).
 */
export const truncate = css`
  .truncate {
    display: inline-block;
    max-width: 100%;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    vertical-align: bottom;
  }
`;
