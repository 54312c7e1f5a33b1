import { describe, expect, it } from 'vitest';
import { formatDuration, formatLoss, formatRate, progressFigures } from '../../src/core/train/progress.ts';

describe('progress figures', () => {
  it('measures epochs per second and time left', () => {
    expect(progressFigures(50, 200, 500)).toEqual({ epochsPerSecond: 100, secondsLeft: 1.5 });
    expect(progressFigures(200, 200, 500).secondsLeft).toBe(0);
  });

  it('says nothing before the first epoch', () => {
    expect(progressFigures(0, 200, 0)).toEqual({ epochsPerSecond: undefined, secondsLeft: undefined });
  });

  it('writes rates and durations for people', () => {
    expect([formatRate(812.4), formatRate(45.26), formatRate(1.234), formatRate(0.5213)]).toEqual([
      '812 epochs/s',
      '45.3 epochs/s',
      '1.23 epochs/s',
      '0.521 epochs/s',
    ]);
    expect([formatDuration(0.42), formatDuration(12.4), formatDuration(185), formatDuration(7390)]).toEqual([
      '0.4 s',
      '12 s',
      '3 min 05 s',
      '2 h 03 min',
    ]);
  });

  it('writes losses with four decimals, huge ones with an exponent', () => {
    expect([formatLoss(43.02103), formatLoss(2.0455698e14), formatLoss(Infinity), formatLoss(null)]).toEqual([
      '43.0210',
      '2.046e+14',
      'Infinity',
      '—',
    ]);
  });
});
