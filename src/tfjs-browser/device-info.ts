/**
 * What device a GPU backend really runs on: the WebGPU adapter (`adapter.info`, `isFallbackAdapter`)
 * or the WebGL renderer string, so the page never calls a software rasterizer a GPU.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { DeviceSummary } from '../core/settings/backends.ts';

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|software|warp|basic render|microsoft basic/i;

export interface AdapterLike {
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

export function describeAdapter(adapter: AdapterLike): DeviceSummary {
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture].filter(Boolean).join(' ') || info.description || 'unknown adapter';
  const text = [info.vendor, info.architecture, info.device, info.description].join(' ');
  const fallback = info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
  return { name, software: fallback || SOFTWARE.test(text) };
}

/** The WebGL backend's renderer, when the browser tells it. */
export function describeWebglRenderer(): DeviceSummary | undefined {
  try {
    const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
    if (!gl) return undefined;
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    if (!renderer) return undefined;
    return { name: renderer, software: SOFTWARE.test(renderer) };
  } catch {
    return undefined;
  }
}
