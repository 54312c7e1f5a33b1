/** The event the plots and the list of furthest points send when the user selects a row of the data. */

/** The user selected a row (click or Enter on a point or list entry), or cleared the selection (null). */
export class PointSelectEvent extends Event {
  static readonly type = 'point-select';
  constructor(readonly row: number | null) {
    super(PointSelectEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [PointSelectEvent.type]: PointSelectEvent;
  }
}
