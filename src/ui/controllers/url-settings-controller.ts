/**
 * The page's settings (columns, training, backend, engine) as the URL carries them, so a copied link
 * or a reload reproduces them; and the notices for values in the URL that were ignored.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  DEFAULT_PAGE_SETTINGS,
  parseUrlSettings,
  serializeUrlSettings,
  withoutIgnoredValues,
  type PageSettings,
} from '../../core/settings/url-settings.ts';
import { SettingsChangeEvent } from '../events.ts';
import { onHostEvent } from './host-events.ts';

export class UrlSettingsController implements ReactiveController {
  settings: PageSettings = DEFAULT_PAGE_SETTINGS;
  /** Values from the URL that were ignored, and why (plus other notices about them, e.g. columns). */
  notices: readonly string[] = [];

  constructor(private readonly host: ReactiveControllerHost & EventTarget) {
    host.addController(this);
    onHostEvent(host, SettingsChangeEvent.type, (event) => this.update({ training: event.settings }));
  }

  /**
   * Read on each connection: add this controller first, since the others start from these settings.
   * Ignored values leave the address, so a copied link or a reload does not carry them on.
   */
  hostConnected(): void {
    ({ settings: this.settings, notices: this.notices } = parseUrlSettings(location.search));
    const kept = withoutIgnoredValues(location.search);
    if (kept !== location.search) history.replaceState(history.state, '', `${location.pathname}${kept}${location.hash}`);
    this.host.requestUpdate();
  }

  /** The user closed the notices. */
  dismissNotices(): void {
    this.notices = [];
    this.host.requestUpdate();
  }

  /**
   * Changes settings and writes them into the URL (without a history entry). With `ifChanged`, a
   * change that leaves the URL's settings as they are writes nothing.
   */
  update(changes: Partial<PageSettings>, { ifChanged = false } = {}): void {
    const settings = { ...this.settings, ...changes };
    if (ifChanged && serializeUrlSettings(settings) === serializeUrlSettings(this.settings)) return;
    this.settings = settings;
    history.replaceState(history.state, '', `${location.pathname}${serializeUrlSettings(settings, location.search)}${location.hash}`);
    this.host.requestUpdate();
  }

  notice(text: string): void {
    this.notices = [...this.notices, text];
    this.host.requestUpdate();
  }
}
