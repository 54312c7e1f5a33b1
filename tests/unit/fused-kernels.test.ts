/**
 * The fused programs' named layouts and the kernel choice for several features, in Node: the WGSL and
 * the host agree by name, the one-feature state keeps its slots, every input a program declares is used
 * by its shader (TF.js binds them all, and an unused one breaks the bind group), and the shape follows
 * the adapter, the rows and the features.
 */
import { describe, expect, it } from 'vitest';
import { describeAdapter } from '../../src/tfjs-browser/device-info.ts';
import { BufferLayout, UniformBlock } from '../../src/tfjs-browser/fused-layout.ts';
import {
  EPOCHS_UNIFORMS,
  EpochsProgram,
  FinishProgram,
  PartialsProgram,
  momentsLayout,
  stateLayout,
  sumsLayout,
  type RowLayout,
} from '../../src/tfjs-browser/fused-programs.ts';
import { chooseKernels, describeFeatureRule, describeKernel, passesFor } from '../../src/tfjs-browser/kernel-choice.ts';

const swiftshader = describeAdapter({ info: { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true } });
const nvidia = describeAdapter({ info: { vendor: 'nvidia', architecture: 'ampere' } });

describe('named layouts', () => {
  it('a uniform block gives its WGSL declaration and its values in one order', () => {
    const block = new UniformBlock({ rows: 'i32', rate: 'f32' }).with(new UniformBlock({ flags: 'i32' }));
    expect(block.declarations).toBe('rows : i32, rate : f32, flags : i32,');
    expect(block.values({ flags: 3, rate: 0.5, rows: 7 })).toEqual([
      { type: 'int32', data: [7] },
      { type: 'float32', data: [0.5] },
      { type: 'int32', data: [3] },
    ]);
  });

  it('a buffer layout gives WGSL constants and reads, writes and slices by name', () => {
    const layout = new BufferLayout('SLOT', { weights: 3, trainLoss: 1 });
    expect(layout.size).toBe(4);
    expect(layout.wgsl).toBe('const SLOT_WEIGHTS : i32 = 0;\n  const SLOT_TRAIN_LOSS : i32 = 3;\n  const SLOT_SIZE : i32 = 4;');
    const values = new Float32Array(8);
    layout.write(values, 4, 'weights', [1, 2, 3]);
    layout.write(values, 4, 'trainLoss', [9]);
    expect(Array.from(layout.slice(values, 4, 'weights'))).toEqual([1, 2, 3]);
    expect(layout.read(values, 4, 'trainLoss')).toBe(9);
  });

  it('one feature keeps the state slot it always had: w, b, Adam, β powers, losses in 12 floats', () => {
    const state = stateLayout(1);
    expect(state.offset).toEqual({ params: 0, adamM: 2, adamV: 4, beta1Power: 6, beta2Power: 7, trainLoss: 8, validationLoss: 9 });
    expect(state.size).toBe(12);
    expect(stateLayout(64).size).toBe(200);
  });

  it('the sums are whole vec4s of Σr·x, then (Σr, Σr²): what the shaders keep', () => {
    expect(sumsLayout(1).offset).toEqual({ residualTimesX: 0, residual: 4, squaredResidual: 5 });
    expect(sumsLayout(6).size).toBe(12);
    expect(momentsLayout(3).offset).toEqual({ trainMeanX: 0, trainMeanXX: 3, validationMeanX: 12, validationMeanXX: 15 });
  });
});

describe('the programs', () => {
  const shapes: { features: number; layout: RowLayout }[] = [
    { features: 1, layout: 'columns' },
    { features: 5, layout: 'columns' },
    { features: 5, layout: 'lanes' },
    { features: 64, layout: 'rows' },
  ];

  it('use every input they declare, and declare every uniform they read', () => {
    for (const { features, layout } of shapes) {
      const shape = { lanes: 4, features, layout };
      for (const program of [new PartialsProgram(shape, 3), new FinishProgram(shape, 480), new EpochsProgram(shape, 480)]) {
        const code = program.getUserCode();
        for (const input of program.variableNames)
          expect(code, `${program.shaderKey} reads ${input}`).toMatch(new RegExp(`\\b${input}\\[`));
        const declared = new Set(program.uniforms.split(',').map((field) => field.split(':')[0].trim()));
        for (const [, name] of code.matchAll(/uniforms\.(\w+)/g)) expect(declared, `${program.shaderKey} declares ${name}`).toContain(name);
        expect(code).not.toMatch(/undefined|NaN/);
      }
    }
    expect(new EpochsProgram({ lanes: 4, features: 2, layout: 'columns' }, 480).uniforms).toBe(EPOCHS_UNIFORMS.declarations);
  });

  it('compile once per shape: the shader key names workgroup, layout and features', () => {
    expect(new PartialsProgram({ lanes: 4, features: 16, layout: 'columns' }, 8).shaderKey).toBe('bmiFusedPartials_4_columns_16');
    expect(new PartialsProgram({ lanes: 4, features: 16, layout: 'columns' }, 9).shaderKey).toBe('bmiFusedPartials_4_columns_16');
  });
});

describe('kernel choice with several features', () => {
  it('on the software adapter: vec4 columns up to 16 features, row-major vec4s beyond, 4-wide groups, 8 of them', () => {
    expect(chooseKernels(swiftshader, 16)).toMatchObject({ layout: 'columns', workgroupSize: 4, maxGroups: 8 });
    expect(chooseKernels(swiftshader, 17).layout).toBe('rows');
    expect(chooseKernels(swiftshader, 64).layout).toBe('rows');
    // One feature as it always was.
    expect(chooseKernels(swiftshader)).toMatchObject({ layout: 'columns', workgroupSize: 4, maxGroups: 64, minBlocks: 32 });
  });

  it('on a GPU: one row per invocation, and workgroups whose sums fit 16 KiB of workgroup memory', () => {
    expect(chooseKernels(nvidia, 4)).toMatchObject({ layout: 'lanes', workgroupSize: 64 });
    const wide = chooseKernels(nvidia, 64);
    expect(wide.layout).toBe('rows');
    expect(wide.workgroupSize * 2 * 17 * 16).toBeLessThanOrEqual(16_384);
  });

  it('one pass for many epochs while rows × features are few', () => {
    expect(passesFor(chooseKernels(swiftshader, 64), 163, false)).toBe('one');
    expect(passesFor(chooseKernels(swiftshader, 64), 1_000, false)).toBe('two');
    expect(passesFor(chooseKernels(swiftshader, 4), 8_000, false)).toBe('one');
    expect(describeKernel(chooseKernels(swiftshader, 16), 1_000_000, false)).toBe(
      'WebGPU · fused, 2 passes, workgroup 4, 16 features as vec4 columns',
    );
    expect(describeFeatureRule(chooseKernels(swiftshader))).toBe(
      'with several features, 1 pass up to 32,768 rows × features; X as vec4 columns up to 16 features, row-major vec4s beyond',
    );
  });
});
