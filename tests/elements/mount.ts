/**
 * Mounts one element by itself on the test page with given properties, and records the events it
 * fires. Every element mounted in a test is removed after it, so no test sees another's element.
 */
import type { LitElement } from 'lit';
import { afterEach } from 'vitest';

const mounted: Element[] = [];

afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
});

/** Creates `<tag>`, sets the properties, adds it to the page and waits for its first render. */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
): Promise<HTMLElementTagNameMap[K]> {
  const element = document.createElement(tag);
  Object.assign(element, properties);
  document.body.append(element);
  mounted.push(element);
  await settled(element);
  return element;
}

/** Sets properties on a mounted element and waits for it to render them. */
export async function update<E extends HTMLElement>(element: E, properties: Partial<E>): Promise<void> {
  Object.assign(element, properties);
  await settled(element);
}

/** Waits until a Lit element (and the Lit elements in its shadow root) have rendered. */
export async function settled(element: Element): Promise<void> {
  const lit = element as Partial<LitElement>;
  if (lit.updateComplete) await lit.updateComplete;
  for (const child of element.shadowRoot?.querySelectorAll('*') ?? []) {
    if ((child as Partial<LitElement>).updateComplete) await settled(child);
  }
}

/** Every event of `type` fired on or bubbling to `target` from now on, in order. */
export function recordEvents<T extends Event = Event>(target: EventTarget, type: string): T[] {
  const events: T[] = [];
  target.addEventListener(type, (event) => events.push(event as T));
  return events;
}

/** The element's shadow root, which every element here has. */
export function shadowOf(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root`);
  return element.shadowRoot;
}

/** One element inside the shadow root; fails the test with the selector when it is missing. */
// Callers name the element type they expect to find.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function part<E extends Element = HTMLElement>(element: Element, selector: string): E {
  const found = shadowOf(element).querySelector<E>(selector);
  if (!found) throw new Error(`<${element.localName}> renders no ${selector}`);
  return found;
}

/** Text as a person reads it: whitespace runs as one space. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
