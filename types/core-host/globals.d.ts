/**
 * The host globals `src/core` may use: only what browsers, workers and Node all provide, declared
 * as narrowly as core uses them. `tsconfig.core.json` gives core ES2022 and this file, not the DOM or
 * Node's types, so a `document`, `window` or `process` in core fails the type-check. Adding a global
 * here is a decision that every host has it.
 */

declare function setTimeout(callback: () => void, ms?: number): unknown;

declare const performance: { now(): number };

declare class TextEncoder {
  encode(text: string): Uint8Array;
}

declare class TextDecoder {
  decode(bytes: Uint8Array): string;
}

declare class URLSearchParams {
  constructor(init?: string);
  get(name: string): string | null;
  has(name: string): boolean;
  set(name: string, value: string): void;
  delete(name: string): void;
  toString(): string;
}

interface MessagePort {
  onmessage: (() => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}

declare class MessageChannel {
  readonly port1: MessagePort;
  readonly port2: MessagePort;
}
