/** `<training-progress>` alone: epoch N of M, speed, time left while active, the latest losses. */
import { describe, expect, it } from 'vitest';
import '../../src/ui/training-progress.ts';
import { mount, part, shadowOf, textOf, update } from './mount.ts';

describe('<training-progress>', () => {
  it('shows epoch 0 of 0, no speed and no loss before a run', async () => {
    const progress = await mount('training-progress');
    expect(textOf(part(progress, '[data-progress=epoch]'))).toBe('0 of 0');
    expect(textOf(part(progress, '[data-progress=speed]'))).toBe('');
    expect(textOf(part(progress, '[data-progress=time-left]'))).toBe('');
    expect(textOf(part(progress, '[data-progress=train-loss]'))).toBe('—');
    expect(shadowOf(progress).querySelector('[data-progress=validation-loss]')).toBeNull();
  });

  it('during a run: a labelled bar, the speed, the time left and both losses', async () => {
    const progress = await mount('training-progress', {
      epoch: 50,
      epochs: 200,
      elapsedMs: 2000,
      active: true,
      last: { epoch: 50, trainLoss: 43.12345678, validationLoss: 51.5 },
    });
    const bar = part<HTMLProgressElement>(progress, 'progress');
    expect(bar.getAttribute('aria-label')).toBe('Training progress');
    expect(bar.getAttribute('aria-valuetext')).toBe('Epoch 50 of 200');
    expect(bar.value).toBe(50);
    expect(bar.max).toBe(200);
    expect(textOf(part(progress, '[data-progress=epoch]'))).toBe('50 of 200');
    // 50 epochs in 2 s: 25 epochs/s, 150 left take 6 s.
    expect(textOf(part(progress, '[data-progress=speed]'))).toBe('25.0 epochs/s');
    expect(textOf(part(progress, '[data-progress=time-left]'))).toBe('6.0 s left');
    expect(textOf(part(progress, '[data-progress=train-loss]'))).toBe('43.1235');
    expect(textOf(part(progress, '[data-progress=validation-loss]'))).toBe('51.5000');
  });

  it('drops the time left once the run has ended, and then tells how far the loss fell, not the final loss the Fit card shows', async () => {
    const progress = await mount('training-progress', {
      epoch: 200,
      epochs: 200,
      elapsedMs: 4000,
      active: true,
      first: { epoch: 0, trainLoss: 4302.1, validationLoss: 4400 },
      last: { epoch: 200, trainLoss: 43.02, validationLoss: 44 },
    });
    expect(textOf(part(progress, '[data-progress=train-loss]'))).toBe('43.0200');
    await update(progress, { active: false, ended: true });
    expect(textOf(part(progress, '[data-progress=time-left]'))).toBe('');
    expect(textOf(part(progress, '[data-progress=speed]'))).toBe('50.0 epochs/s');
    expect(textOf(part(progress, '[data-progress=train-loss]'))).toBe('fell 99.0% from 4302.1000 (epoch 0)');
    expect(textOf(part(progress, '[data-progress=validation-loss]'))).toBe('fell 99.0% from 4400.0000 (epoch 0)');
    // A loss that rose (a diverging run kept its last good weights) says so.
    await update(progress, { last: { epoch: 200, trainLoss: 8604.2, validationLoss: null } });
    expect(textOf(part(progress, '[data-progress=train-loss]'))).toBe('rose 100.0% from 4302.1000 (epoch 0)');
  });

  it('writes a diverged loss with an exponent', async () => {
    const progress = await mount('training-progress', {
      epoch: 3,
      epochs: 10,
      elapsedMs: 30,
      last: { epoch: 3, trainLoss: 1.5e12, validationLoss: null },
    });
    expect(textOf(part(progress, '[data-progress=train-loss]'))).toBe('1.500e+12');
  });
});

describe('<training-progress> after one Step', () => {
  it('gives no rate and no time left for a run of one epoch', async () => {
    const progress = await mount('training-progress', {
      epoch: 1,
      epochs: 1,
      elapsedMs: 1.8,
      active: true,
      last: { epoch: 1, trainLoss: 400.5, validationLoss: null },
    });
    expect(textOf(part(progress, '[data-progress=epoch]'))).toBe('1 of 1');
    expect(textOf(part(progress, '[data-progress=speed]'))).toBe('');
    expect(textOf(part(progress, '[data-progress=time-left]'))).toBe('');
  });
});
