/**
 * The `<option>`s of a column picker, written straight into its `<select>` a slice at a time. A CSV
 * may have thousands of numeric columns: one Lit template instance per option (markers, parts, a diff
 * on every render) made 10,000 of them a task of over half a second, and even plain elements cost
 * their creation, style and layout. So the chosen column's option goes in at once (the picker shows
 * it and works), and the others follow in order in slices small enough never to hold up the page.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { columnLabel } from '../core/data/columns.ts';

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

  override render(_columns: readonly string[], _selected: string | undefined, _none?: string): unknown {
    return noChange;
  }

  override update(part: ElementPart, [columns, selected, none]: [readonly string[], string | undefined, string?]): unknown {
    const select = part.element as HTMLSelectElement;
    this.selected = selected;
    // The same columns in a new array (a host may build the list on each render) are not a new list.
    if (!sameColumns(columns, this.columns)) {
      this.columns = columns;
      this.generation += 1;
      this.early = new Map();
      this.listed = 0;
      select.replaceChildren(...(none === undefined ? [] : [new Option(none, '')]));
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
    if (selected === undefined || select.value === selected || selected === '') {
      if (selected === '') select.value = '';
      return;
    }
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
      const column = columns[i];
      // Appending in column order moves an early option into its place.
      options.append(this.early.get(column) ?? new Option(columnLabel(column), column));
    }
    this.listed = end;
    select.append(options);
    this.showSelected(select);
    if (end < columns.length) requestAnimationFrame(() => this.listSlice(select, columns, generation));
  }
}

/** A picker lists at most this many columns; a wider table gets a filter to find the others. */
export const MAX_LISTED_COLUMNS = 200;

/**
 * The columns a picker lists: those whose name contains `filter` (any case), at most
 * `MAX_LISTED_COLUMNS`, always with the chosen one (or ones), in table order. Thousands of options make
 * every relayout of the page slow, and nobody scrolls through them.
 */
export function listedColumns(
  columns: readonly string[],
  filter: string,
  selected: string | readonly string[] | undefined,
): readonly string[] {
  const chosen = selected === undefined ? [] : typeof selected === 'string' ? [selected] : selected;
  const needle = filter.trim().toLowerCase();
  if (needle === '' && columns.length <= MAX_LISTED_COLUMNS) return columns;
  const listed: string[] = [];
  for (const column of columns) {
    if (listed.length >= MAX_LISTED_COLUMNS) break;
    if (chosen.includes(column) || column.toLowerCase().includes(needle)) listed.push(column);
  }
  const missing = chosen.filter((column) => columns.includes(column) && !listed.includes(column));
  if (missing.length > 0) {
    listed.push(...missing);
    listed.sort((a, b) => columns.indexOf(a) - columns.indexOf(b));
  }
  return listed;
}

function sameColumns(a: readonly string[], b: readonly string[] | undefined): boolean {
  return a === b || (a.length === b?.length && a.every((column, i) => column === b[i]));
}

/**
 * `<select ${columnOptions(columns, selected, none)}>`: one option per column, `selected` chosen;
 * with `none`, a first option of that text and the value '' (no column).
 */
export const columnOptions = directive(ColumnOptionsDirective);
