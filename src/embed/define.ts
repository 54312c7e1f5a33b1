/** Registers a custom element unless the tag is taken (a page may load two copies of a bundle). */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
