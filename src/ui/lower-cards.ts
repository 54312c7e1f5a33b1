/**
 * The elements of the Fit and Model cards. They are below the fold on every screen, so the page loads
 * them after its first paint (see `BmiApp`), in a chunk of their own.
 */
import './fit-summary-table.ts';
import './metrics-panel.ts';
import './model-library.ts';
import './undo-bar.ts';
