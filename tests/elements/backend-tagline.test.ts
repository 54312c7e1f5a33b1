/** `<backend-tagline>` alone: the page's tagline claims the GPU only when a real one trains. */
import { describe, expect, it } from 'vitest';
import '../../src/ui/backend-tagline.ts';
import { mount, textOf, update } from './mount.ts';

describe('<backend-tagline>', () => {
  it('renders as plain text in the page (no shadow root), hedged while TensorFlow.js loads', async () => {
    const tagline = await mount('backend-tagline');
    expect(tagline.shadowRoot).toBeNull();
    expect(textOf(tagline)).toBe('A linear regression trained right in this page, on your GPU when the browser offers WebGPU.');
  });

  it('names the GPU backend on a hardware device, and says "no GPU" on a software adapter', async () => {
    const tagline = await mount('backend-tagline', {
      choice: { name: 'webgpu', fallbacks: [], device: { name: 'nvidia ampere', software: false } },
    });
    expect(textOf(tagline)).toBe('A linear regression trained on your GPU with WebGPU, right in this page.');
    await update(tagline, { choice: { name: 'webgpu', fallbacks: [], device: { name: 'google swiftshader', software: true } } });
    expect(textOf(tagline)).toBe('A linear regression trained with WebGPU on a software adapter (no GPU), right in this page.');
  });

  it('claims no GPU after a fallback to WASM or the CPU', async () => {
    const tagline = await mount('backend-tagline', { choice: { name: 'wasm', fallbacks: ['WebGPU unavailable: no adapter'] } });
    expect(textOf(tagline)).toBe('A linear regression trained with WASM on your CPU, right in this page.');
    expect(textOf(tagline)).not.toMatch(/GPU,|on your GPU/);
  });
});
