import { fixedWithMinus } from '../core/text.ts';
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Coefficient, FitSummary } from '../core/stats/fit-summary.ts';
import type { Line } from '../core/model/predict.ts';
import { formatPValue, slopeInWords } from '../core/view/fit-summary-words.ts';
import { formatInterval } from '../core/stats/intervals.ts';
import { defineElement } from '../embed/define.ts';
import type { FitSummaryView } from './controllers/fit-summary-controller.ts';
import type { RegressionSummary } from '../core/stats/regression-summary.ts';
import { columnLabel } from '../core/data/columns.ts';
import type { RunState } from './controllers/training-run-state.ts';
import { panelStyles } from './theme.ts';

/**
 * The line's fit summary, computed as R's `summary(lm(...))` computes it but for the line shown (the
 * trained one, whose estimates are within float32 of R's, not R's own), on the training rows: for the
 * intercept and the slope the estimate, standard error, t value, two-sided p-value and 95% confidence
 * interval; the residual standard error and its degrees of freedom, R², adjusted R², the F statistic
 * and its p-value; and the slope in plain words. Under the table, the exact least-squares line (what
 * R's `lm` gives) and how far the line shown is from it. During a run it describes the line as it
 * stands, marked provisional.
 */
export class FitSummaryTable extends LitElement {
  static override styles = [
    panelStyles,
    css`
      .provisional {
        font-size: 0.8rem;
        font-weight: 600;
        color: var(--bp-accent);
        border: 1px solid currentColor;
        border-radius: 999px;
        padding: 0 0.5rem;
        margin-left: 0.4rem;
      }
      .words {
        margin: 0 0 0.5rem;
      }
      .scroll {
        overflow-x: auto;
      }
      .scroll-hint {
        margin: 0.25rem 0 0;
        font-size: 0.8rem;
        color: var(--bp-muted);
      }
      .scroll:focus-visible {
        outline: 3px solid var(--bp-accent);
        outline-offset: 2px;
      }
      table {
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
        font-size: 0.85rem;
        width: 100%;
      }
      caption {
        text-align: left;
        color: var(--bp-muted);
        font-size: 0.85rem;
        padding-bottom: 0.25rem;
      }
      th,
      td {
        padding: 0.25rem 0.35rem;
        border-bottom: 1px solid var(--bp-border);
        text-align: right;
        white-space: nowrap;
      }
      th:first-child {
        text-align: left;
      }
      thead th {
        color: var(--bp-muted);
        font-weight: 600;
      }
      td.aliased {
        text-align: left;
        color: var(--bp-muted);
        font-style: italic;
      }
      .exact {
        margin: 0.5rem 0 0;
        font-size: 0.9rem;
        font-variant-numeric: tabular-nums;
      }
      .overall {
        margin: 0.5rem 0 0;
        font-size: 0.9rem;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** The summary to show, from the page's FitSummaryController. */
  @property({ attribute: false }) view: FitSummaryView = { state: 'none' };
  /** The feature's label, e.g. "BMI". */
  @property() feature = 'BMI';
  /** The target's label, e.g. "Life expectancy". */
  @property() target = 'Life expectancy';
  /** Unit of the target, e.g. "years". */
  @property() unit = '';
  /** The run's state, for the provisional note. */
  @property() runState: RunState = 'idle';

  /** The table is wider than its box (a phone): a hint says that it scrolls sideways, and to what. */
  @state() private overflows = false;
  private readonly sizes = new ResizeObserver(() => this.measureOverflow());

  private measureOverflow(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.scroll');
    this.overflows = box !== null && box.scrollWidth > box.clientWidth + 1;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.sizes.disconnect();
  }

  protected override updated(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.scroll');
    this.sizes.disconnect();
    if (box) {
      this.sizes.observe(box);
      const table = box.querySelector('table');
      if (table) this.sizes.observe(table);
    }
  }

  /** The heading, marked provisional during a run with what is provisional ("The line", "The estimates") and until when. */
  private renderHeading(provisional: boolean, what: string, final: string) {
    const why = this.runState === 'paused' ? 'paused' : 'still running';
    return html`<h3 id="summary-heading">
        Fit summary${
          provisional
            ? html`<span class="provisional" data-provisional title="${what} as it stands: training is ${why}">provisional</span>`
            : ''
        }
      </h3>
      ${provisional ? html`<p class="muted" data-provisional-note>${what} as it stands: training is ${why}; ${final} when it ends.</p>` : ''}`;
  }

  /** The table's column headings: the term, its estimate column(s), then what R's summary gives of each. */
  private renderHead(level: number, estimates: readonly string[]) {
    return html`<thead>
      <tr>
        <th scope="col">Term</th>
        ${estimates.map((name) => html`<th scope="col">${name}</th>`)}
        <th scope="col">Std. error</th>
        <th scope="col">t value</th>
        <th scope="col">p</th>
        <th scope="col"><abbr title="${level}% confidence interval">${level}% CI</abbr></th>
      </tr>
    </thead>`;
  }

  /** Residual standard error, R², adjusted R² and F, as the last lines of R's summary. */
  private renderOverall(summary: FitSummary | RegressionSummary, dfModel: number) {
    const unit = this.unit ? ` ${this.unit}` : '';
    return html`<p class="overall" data-overall>
      Residual standard error <span data-stat="residual-se" data-value=${summary.residualStandardError}>${summary.residualStandardError.toFixed(4)}</span>${unit}
      on <span data-stat="df" data-value=${summary.degreesOfFreedom}>${summary.degreesOfFreedom}</span> degrees of freedom.
      R² <span data-stat="r2" data-value=${summary.r2}>${summary.r2.toFixed(4)}</span>, adjusted R²
      <span data-stat="adjusted-r2" data-value=${summary.adjustedR2}>${summary.adjustedR2.toFixed(4)}</span>. F
      <span data-stat="f" data-value=${summary.f}>${summary.f.toFixed(2)}</span> on ${dfModel} and ${summary.degreesOfFreedom} degrees of freedom, p
      <span data-stat="f-p" data-value=${summary.fP}>${formatPValue(summary.fP, true)}</span>.
    </p>`;
  }

  private row(name: string, term: string, c: Coefficient) {
    return html`<tr data-term=${term}>
      <th scope="row">${name}</th>
      <td data-cell="estimate" data-value=${c.estimate}>${c.estimate.toFixed(4)}</td>
      <td data-cell="standard-error" data-value=${c.standardError}>${c.standardError.toFixed(4)}</td>
      <td data-cell="t" data-value=${c.t}>${c.t.toFixed(3)}</td>
      <td data-cell="p" data-value=${c.p}>${formatPValue(c.p)}</td>
      <td data-cell="ci" data-low=${c.confidenceInterval.low} data-high=${c.confidenceInterval.high}>${formatInterval(c.confidenceInterval, 3)}</td>
    </tr>`;
  }

  /** The exact least-squares line beside the one summarised, and the difference of each estimate. */
  private renderExact(line: Line, exact: Line, provisional: boolean) {
    const signed = (value: number) => {
      const text = Math.abs(value).toFixed(4);
      return Number(text) === 0 ? text : `${value < 0 ? '−' : '+'}${text}`;
    };
    const shown = provisional ? "The run's line" : 'The trained line';
    return html`<p class="exact" data-exact data-slope=${exact.slope} data-intercept=${exact.intercept}>
      The exact least-squares line on the same rows (the estimates R's lm gives): intercept
      ${fixedWithMinus(exact.intercept, 4)}, slope ${fixedWithMinus(exact.slope, 4)}. ${shown} differs by
      <span data-difference="intercept">${signed(line.intercept - exact.intercept)}</span> in the intercept and
      <span data-difference="slope">${signed(line.slope - exact.slope)}</span> in the slope.
    </p>`;
  }

  private renderSummary(summary: FitSummary, provisional: boolean) {
    const level = Math.round(summary.basis.level * 100);
    return html`<p class="words" data-words aria-live=${provisional ? 'off' : 'polite'}>${slopeInWords(summary, this.feature, this.target, this.unit)}</p>
      <div class="scroll" tabindex="0" role="region" aria-label="Coefficient table (scrolls sideways on a narrow screen)">
        <table data-fit-summary>
          <caption>
            ${provisional ? "The run's line as it stands" : 'The trained line'} on the ${summary.basis.rows} training rows: its estimates,
            with standard errors, t, p (two-sided) and CI computed from its residuals as R's summary(lm) does
          </caption>
          ${this.renderHead(level, ['Estimate'])}
          <tbody>
            ${this.row('Intercept', 'intercept', summary.intercept)} ${this.row(`${this.feature} (slope)`, 'slope', summary.slope)}
          </tbody>
        </table>
      </div>
      ${this.overflows ? html`<p class="scroll-hint" data-scroll-hint><span aria-hidden="true">↔</span> The table scrolls sideways for p and the confidence interval.</p>` : ''}
      ${this.renderOverall(summary, 1)}`;
  }

  /** A term of a fit of several features: the coefficient shown beside R's estimate and what R says of it. */
  private severalRow(name: string, shown: number | null, c: Coefficient | null, feature?: string) {
    const term = feature === undefined ? 'intercept' : 'feature';
    if (!c || shown === null)
      return html`<tr data-term=${term} data-feature=${feature ?? ''} data-aliased>
        <th scope="row">${name}</th>
        <td data-cell="shown">–</td>
        <td colspan="5" class="aliased">not defined because of singularities</td>
      </tr>`;
    return html`<tr data-term=${term} data-feature=${feature ?? ''}>
      <th scope="row">${name}</th>
      <td data-cell="shown" data-value=${shown}>${formatEstimate(shown)}</td>
      <td data-cell="estimate" data-value=${c.estimate}>${formatEstimate(c.estimate)}</td>
      <td data-cell="standard-error" data-value=${c.standardError}>${formatEstimate(c.standardError)}</td>
      <td data-cell="t" data-value=${c.t}>${fixedWithMinus(c.t, 3)}</td>
      <td data-cell="p" data-value=${c.p}>${formatPValue(c.p)}</td>
      <td data-cell="ci" data-low=${c.confidenceInterval.low} data-high=${c.confidenceInterval.high}>${formatInterval(c.confidenceInterval, 3)}</td>
    </tr>`;
  }

  /**
   * Several features: R's summary of the exact least-squares fit (what R's lm gives and summary(lm)
   * prints), with the coefficients shown (trained, or a run's as they stand) in a column beside R's
   * estimates, and the features left out because of singularities named.
   */
  private renderSeveral(summary: RegressionSummary, shownCoefficients: readonly (number | null)[], provisional: boolean) {
    const level = Math.round(summary.basis.level * 100);
    const shown = provisional ? "The run's" : 'Trained';
    const aliased = summary.terms.filter((term) => term.coefficient === null).map((term) => columnLabel(term.name));
    // Said above the table rather than in its caption, which would scroll sideways with it on a phone.
    return html`<p class="words" data-several-note>
        The exact least-squares fit as R's summary(lm) prints it (estimate, standard error, t, p, 95% CI), with
        ${provisional ? "the run's estimates as they stand" : 'the trained estimates'} beside R's.
      </p>
      <div class="scroll" tabindex="0" role="region" aria-label="Coefficient table (scrolls sideways on a narrow screen)">
        <table data-fit-summary data-several>
          <caption>
            Coefficients on the ${summary.basis.rows} training rows
          </caption>
          ${this.renderHead(level, [shown, "Estimate (R's lm)"])}
          <tbody>
            ${summary.terms.map((term, i) =>
              i === 0
                ? this.severalRow('Intercept', shownCoefficients[0], term.coefficient)
                : this.severalRow(columnLabel(term.name), shownCoefficients[i], term.coefficient, term.name),
            )}
          </tbody>
        </table>
      </div>
      ${this.overflows ? html`<p class="scroll-hint" data-scroll-hint><span aria-hidden="true">↔</span> The table scrolls sideways for p and the confidence interval.</p>` : ''}
      ${
        aliased.length > 0
          ? html`<p class="overall" data-aliased-note>
              ${aliased.length === 1 ? '1 coefficient' : `${aliased.length} coefficients`} not defined because of singularities:
              ${aliased.join(', ')} (constant, or a linear combination of the other features, on the training rows), left out of the fit as R's lm
              leaves ${aliased.length === 1 ? 'it' : 'them'} out.
            </p>`
          : ''
      }
      ${this.renderOverall(summary, summary.fDegreesOfFreedom[0])}`;
  }

  protected override render() {
    const { view } = this;
    if (view.state === 'none') return '';
    if (view.state === 'several') {
      const { result, provisional, shown } = view;
      return html`${this.renderHeading(provisional, 'The estimates', 'they are final')}
      ${result.ok ? this.renderSeveral(result.summary, shown, provisional) : html`<p class="muted" data-summary-error>${result.error}</p>`}`;
    }
    const { result, provisional } = view;
    return html`${this.renderHeading(provisional, 'The line', 'the summary is final')}
      ${result.ok ? this.renderSummary(result.summary, provisional) : html`<p class="muted" data-summary-error>${result.error}</p>`}
      ${view.exact ? this.renderExact(view.line, view.exact, provisional) : ''}`;
  }
}

/** An estimate to four significant decimals where that shows it, else in exponent form (1.2346e-7). */
function formatEstimate(value: number): string {
  const magnitude = Math.abs(value);
  const text = magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e7) ? value.toExponential(4) : value.toFixed(4);
  return text.replace(/^-/, '−');
}

defineElement('fit-summary-table', FitSummaryTable);

declare global {
  interface HTMLElementTagNameMap {
    'fit-summary-table': FitSummaryTable;
  }
}
