/**
 * The `<option>`s of a column picker, written straight into its `<select>` a slice at a time. A CSV
 * may have thousands of numeric columns: one Lit template instance per option (markers, parts, a diff
 * on every render) made 10,000 of them a task of over half a second, and even plain elements cost
 * their creation, style and layout. So the chosen column's option goes in at once (the picker shows
 * it and works), and the others follow in order in slices small enough never to hold up the page.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { columnLabel } from '../core/columns.ts';

/**
 * Options added per frame. Their style and layout are computed in the frame's rendering step, so one
 * slice per frame (not one per timer, several of which can land in one frame) bounds that step too.
 */
const SLICE = 50;

class ColumnOptionsDirective extends Directive {
  private columns: readonly string[] | undefined;
  private selected: string | undefined;
  /** Options put in ahead of their slice (the chosen column), which their slice moves into place. */
  private early = new Map<string, HTMLOptionElement>();
  /** How many columns the slices have listed so far. */
  private listed = 0;
  /** Bumped when the list changes, so slices still queued for an older list stop. */
  private generation = 0;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('columnOptions() belongs on a <select> element.');
  }

  override render(_columns: readonly string[], _selected: string | undefined): unknown {
    return noChange;
  }

  override update(part: ElementPart, [columns, selected]: [readonly string[], string | undefined]): unknown {
    const select = part.element as HTMLSelectElement;
    this.selected = selected;
    if (columns !== this.columns) {
      this.columns = columns;
      this.generation += 1;
      this.early = new Map();
      this.listed = 0;
      select.replaceChildren();
      this.showSelected(select);
      this.listSlice(select, columns, this.generation);
    } else {
      this.showSelected(select);
    }
    return noChange;
  }

  /** Selects the chosen column, putting its option in early when its slice has not come yet. */
  private showSelected(select: HTMLSelectElement): void {
    const selected = this.selected;
    if (selected === undefined || select.value === selected) return;
    const index = this.columns?.indexOf(selected) ?? -1;
    if (index >= this.listed && !this.early.has(selected)) {
      const option = new Option(columnLabel(selected), selected);
      this.early.set(selected, option);
      select.append(option);
    }
    select.value = selected;
  }

  private listSlice(select: HTMLSelectElement, columns: readonly string[], generation: number): void {
    if (generation !== this.generation) return;
    const options = document.createDocumentFragment();
    const end = Math.min(columns.length, this.listed + SLICE);
    for (let i = this.listed; i < end; i++) {
      const column = columns[i]!;
      // Appending in column order moves an early option into its place.
      options.append(this.early.get(column) ?? new Option(columnLabel(column), column));
    }
    this.listed = end;
    select.append(options);
    this.showSelected(select);
    if (end < columns.length) requestAnimationFrame(() => this.listSlice(select, columns, generation));
  }
}

/** `<select ${columnOptions(columns, selected)}>`: one option per column, `selected` chosen. */
export const columnOptions = directive(ColumnOptionsDirective);
