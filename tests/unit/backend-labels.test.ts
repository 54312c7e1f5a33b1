import { describe, expect, it } from 'vitest';
import { describeDevice, onGpu, tagline, type BackendChoice } from '../../src/core/settings/backends.ts';
import { describeAdapter } from '../../src/tfjs-browser/device-info.ts';
import { chooseKernels, describeKernel, describeKernelRule, passesFor } from '../../src/tfjs-browser/kernel-choice.ts';

const swiftshader = describeAdapter({ info: { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true } });
const nvidia = describeAdapter({ info: { vendor: 'nvidia', architecture: 'ampere' } });

describe('honest backend labels', () => {
  it('knows a software adapter from its fallback flag or its name', () => {
    expect(swiftshader).toEqual({ name: 'google swiftshader', software: true });
    expect(describeAdapter({ info: { vendor: 'mesa', architecture: 'llvmpipe' } }).software).toBe(true);
    expect(describeAdapter({ isFallbackAdapter: true, info: { vendor: 'x' } }).software).toBe(true);
    expect(nvidia).toEqual({ name: 'nvidia ampere', software: false });
  });

  it('claims the GPU only for a hardware device, never after a fallback to WASM or the CPU', () => {
    const soft: BackendChoice = { name: 'webgpu', fallbacks: [], device: swiftshader };
    const hard: BackendChoice = { name: 'webgpu', fallbacks: [], device: nvidia };
    const wasm: BackendChoice = { name: 'wasm', fallbacks: ['WebGPU unavailable: no adapter', 'WebGL unavailable: failed to initialise'] };
    const webglUnknown: BackendChoice = { name: 'webgl', fallbacks: ['WebGPU unavailable: no adapter'] };
    expect(onGpu(hard)).toBe(true);
    expect([soft, wasm, webglUnknown].map(onGpu)).toEqual([false, false, false]);
    expect(tagline(hard)).toMatch(/on your GPU with WebGPU/);
    for (const choice of [soft, wasm, webglUnknown, undefined]) expect(tagline(choice)).not.toMatch(/trained on your GPU/);
    expect(tagline(soft)).toMatch(/software adapter \(no GPU\)/);
    expect(tagline(wasm)).toMatch(/with WASM on your CPU/);
    expect(describeDevice(soft)).toBe('WebGPU on a software adapter (google swiftshader): no GPU');
    expect(describeDevice(hard)).toBe('WebGPU on nvidia ampere');
    expect(describeDevice(wasm)).toBe('WASM');
  });
});

describe('kernel choice', () => {
  it('picks 4-wide workgroups on a software adapter and 64-wide on a GPU', () => {
    expect(chooseKernels(swiftshader).workgroupSize).toBe(4);
    expect(chooseKernels(nvidia).workgroupSize).toBe(64);
  });

  it('runs many epochs in one pass while the rows are few, two passes beyond, and two per batch for mini-batches', () => {
    const soft = chooseKernels(swiftshader);
    expect(passesFor(soft, 163, false)).toBe('one');
    expect(passesFor(soft, 1_000_000, false)).toBe('two');
    expect(passesFor(soft, 163, true)).toBe('two');
    expect(passesFor(chooseKernels(nvidia), 10_000, false)).toBe('two');
    expect(describeKernel(soft, 1_000_000, false)).toBe('WebGPU · fused, 2 passes, workgroup 4');
    expect(describeKernel(soft, 163, false)).toBe('WebGPU · fused, 1 pass for many epochs, workgroup 4');
    expect(describeKernelRule(soft)).toBe('fused kernels, workgroup 4: 1 pass for many epochs up to 32,768 rows, else 2 passes');
  });
});

describe('the tagline on the CPU backend', () => {
  it('says CPU once, in plain words', () => {
    const text = tagline({ name: 'cpu', fallbacks: [] });
    expect(text).toMatch(/on your CPU/);
    expect(text).not.toMatch(/CPU.*CPU/);
  });
});
