/** `<backend-status>` alone: the badge, the fallback reason and the failure, all inside one live status. */
import { describe, expect, it } from 'vitest';
import '../../src/ui/backend-status.ts';
import { mount, part, textOf, update } from './mount.ts';

describe('<backend-status>', () => {
  it('says TensorFlow.js is loading before a backend is chosen', async () => {
    const status = await mount('backend-status');
    expect(textOf(part(status, '[part=badge]'))).toBe('loading TensorFlow.js…');
    expect(status.shadowRoot!.querySelector('[part=reason]')).toBeNull();
  });

  it('shows the running backend by its label, with no reason when nothing fell back', async () => {
    const status = await mount('backend-status', { choice: { name: 'webgpu', fallbacks: [] } });
    const badge = part(status, '[part=badge]');
    expect(textOf(badge)).toBe('WebGPU');
    expect(badge.dataset.backend).toBe('webgpu');
    expect(status.shadowRoot!.querySelector('[part=reason]')).toBeNull();
  });

  it('explains a fallback inside the live status, so it is announced with the badge', async () => {
    const status = await mount('backend-status', {
      choice: { name: 'wasm', fallbacks: ['WebGPU unavailable: no adapter', 'WebGL unavailable: no context'] },
    });
    const region = part(status, '[role=status]');
    expect(region.getAttribute('aria-atomic')).toBe('true');
    expect(textOf(part(status, '[part=badge]'))).toBe('WASM');
    const reason = part(status, '[part=reason]');
    expect(textOf(reason)).toBe('WebGPU unavailable: no adapter; WebGL unavailable: no context; using WASM');
    expect(region.contains(reason)).toBe(true);
  });

  it('shows "none" and the error when no backend could start, and the backend again once one does', async () => {
    const status = await mount('backend-status', {
      choice: { name: 'cpu', fallbacks: ['WebGPU unavailable: no adapter'] },
      error: 'No backend could start: out of memory',
    });
    expect(textOf(part(status, '[part=badge]'))).toBe('none');
    const reason = part(status, '[part=reason]');
    expect(textOf(reason)).toBe('No backend could start: out of memory');
    expect(reason.classList.contains('error')).toBe(true);
    expect(part(status, '[role=status]').contains(reason)).toBe(true);

    await update(status, { error: '' });
    expect(textOf(part(status, '[part=badge]'))).toBe('CPU');
    expect(textOf(part(status, '[part=reason]'))).toBe('WebGPU unavailable: no adapter; using CPU');
  });

  it('names the device, saying "no GPU" for a software adapter, and how training runs on it', async () => {
    const status = await mount('backend-status', {
      choice: {
        name: 'webgpu',
        fallbacks: [],
        device: { name: 'google swiftshader', software: true },
        kernels: 'fused kernels, 1 pass per epoch',
      },
    });
    const device = part(status, '[part=device]');
    expect(textOf(device)).toBe('WebGPU on a software adapter (google swiftshader): no GPU');
    expect(device.dataset.software).toBe('true');
    expect(textOf(part(status, '[part=kernels]'))).toBe('Training: fused kernels, 1 pass per epoch');
    expect(part(status, '[role=status]').contains(device)).toBe(true);
    await update(status, { choice: { name: 'webgl', fallbacks: [], device: { name: 'nvidia ampere', software: false } } });
    expect(textOf(part(status, '[part=device]'))).toBe('WebGL on nvidia ampere');
    expect(status.shadowRoot!.querySelector('[part=kernels]')).toBeNull();
    // A failure hides the device line: nothing runs on it.
    await update(status, { error: 'No backend could start.' });
    expect(status.shadowRoot!.querySelector('[part=device]')).toBeNull();
  });
});

describe('<backend-status> in plain words', () => {
  it('shows the backend first, and the device and kernels only when Details is opened', async () => {
    const status = await mount('backend-status', {
      choice: {
        name: 'webgpu',
        fallbacks: [],
        device: { name: 'google swiftshader', software: true },
        kernels: 'fused kernels, workgroup 4',
      },
    });
    const details = part<HTMLDetailsElement>(status, 'details');
    expect(details.open).toBe(false);
    expect(details.contains(part(status, '[part=device]'))).toBe(true);
    expect(details.contains(part(status, '[part=kernels]'))).toBe(true);
    expect(textOf(part(status, 'summary'))).toBe('Details');
    expect(part(status, '[part=kernels]').checkVisibility()).toBe(false);
    part(status, 'summary').click();
    expect(part(status, '[part=kernels]').checkVisibility()).toBe(true);
  });
});
