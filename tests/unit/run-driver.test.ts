/**
 * The run driver and its pure parts, with runners in plain JavaScript (no TF.js): how many epochs are
 * queued never changes where a run ends or on which weights.
 */
import { describe, expect, it } from 'vitest';
import { EpochJudge, type LossPoint } from '../../src/core/train/epoch-judge.ts';
import type { EpochRunner, EpochValues } from '../../src/core/train/epoch-runner.ts';
import { lastPace, MAX_PENDING_EPOCHS, RoundSize } from '../../src/core/train/round-size.ts';
import { RunControls } from '../../src/core/train/run-controls.ts';
import { driveRun, type DriverOptions, type DriverReport } from '../../src/core/train/run-driver.ts';

/**
 * A runner whose epoch `e` (1-based; 0 = the start) gives `script(e)`; it records the counts asked for.
 * With a clock, it models a device: each queued epoch takes `epochMs` of device time, in queue order,
 * and waiting for the device moves the host's clock to when it is done.
 */
function scriptedRunner(
  script: (epoch: number) => EpochValues,
  options: { longEpochs?: boolean; epochMs?: number; latencyMs?: number; clock?: { t: number } } = {},
) {
  let queued = 0;
  let pending: EpochValues[] = [];
  const counts: number[] = [];
  let reads = 0;
  let deviceFree = 0;
  /** Time the device had nothing queued, between its first and last epoch. */
  let idle = 0;
  const clock = options.clock;
  const runner: EpochRunner = {
    kernel: 'scripted',
    longEpochs: options.longEpochs ?? false,
    queueStart() {
      pending.push(script(0));
    },
    async queueEpochs(count) {
      counts.push(count);
      for (let i = 0; i < count; i++) pending.push(script(++queued));
      if (clock) {
        if (queued > count) idle += Math.max(0, clock.t - deviceFree);
        deviceFree = Math.max(deviceFree, clock.t) + count * (options.epochMs ?? 0);
      }
      return count;
    },
    settle() {
      // Hearing back from the device takes a round trip after it is done.
      const until = deviceFree + (options.latencyMs ?? 0);
      // Waiting (not asking) moves the host's clock: a thenable that advances it when awaited.
      return {
        then(resolve: () => void) {
          if (clock) clock.t = Math.max(clock.t, until);
          resolve();
        },
      } as unknown as Promise<void>;
    },
    async readBack() {
      reads += 1;
      // The points queued before the call, there once the device has done them.
      const out = pending;
      pending = [];
      await runner.settle();
      return out;
    },
    dispose() {},
  };
  return { runner, counts, reads: () => reads, queued: () => queued, idle: () => idle };
}

/** Gradient descent on a parabola: converges, then (with `riseFrom`) the loss creeps back up. */
const converging =
  (riseFrom = Infinity) =>
  (epoch: number): EpochValues => {
    const slope = 1 - 0.5 ** epoch;
    const loss = epoch < riseFrom ? 1 + 0.5 ** epoch : 1 + 0.5 ** riseFrom + (epoch - riseFrom) * 0.01;
    return { trainLoss: loss, validationLoss: null, slope, intercept: epoch };
  };

/** Fine until `from`, then blowing up to Infinity and NaN. */
const diverging =
  (from: number) =>
  (epoch: number): EpochValues => {
    const loss = epoch < from ? 10 - epoch : 10 * 4 ** (epoch - from + 1);
    return { trainLoss: epoch > from + 8 ? Number.NaN : loss, validationLoss: null, slope: epoch, intercept: -epoch };
  };

function options(overrides: Partial<DriverOptions> = {}): DriverOptions & { reports: DriverReport[] } {
  const reports: DriverReport[] = [];
  let t = 0;
  return {
    epochs: 100,
    earlyStopping: null,
    start: { slope: 0, intercept: 0 },
    lossScale: 1,
    now: () => (t += 0.01),
    yieldToHost: async () => {},
    reportIntervalMs: 16,
    onReport: (r) => reports.push(r),
    reports,
    ...overrides,
  };
}

const points = (reports: DriverReport[]): LossPoint[] => reports.flatMap((r) => r.points);

describe('EpochJudge', () => {
  it('ends on divergence keeping the best finite weights', () => {
    const judge = new EpochJudge({ slope: 0, intercept: 0 }, null);
    const script = diverging(5);
    let endedAt = -1;
    for (let e = 0; e < 30 && endedAt < 0; e++) {
      const v = script(e);
      if (judge.examine({ epoch: e, trainLoss: v.trainLoss, validationLoss: null }, { slope: v.slope, intercept: v.intercept }))
        endedAt = e;
    }
    expect(judge.end?.reason).toBe('diverged');
    expect(endedAt).toBeGreaterThan(5);
    expect(judge.restored?.epoch).toBe(4);
    expect(judge.line).toEqual({ slope: 4, intercept: -4 });
  });

  it('ends on early stopping with the best weights, watching the validation loss when there is one', () => {
    const judge = new EpochJudge({ slope: 0, intercept: 0 }, { patience: 2, minImprovement: 0 });
    const validation = [5, 4, 3, 3.5, 3.6, 1];
    const ends = validation.map((loss, e) =>
      judge.examine({ epoch: e, trainLoss: 1 / (e + 1), validationLoss: loss }, { slope: e, intercept: 0 }),
    );
    expect(ends).toEqual([false, false, false, false, true, true]);
    expect(judge.end).toEqual({ reason: 'early-stopped', monitor: 'validation', patience: 2, best: { epoch: 2, loss: 3 } });
    expect(judge.line).toEqual({ slope: 2, intercept: 0 });
  });
});

describe('RunControls', () => {
  it('grants epochs from the allowance: all while running, none once paused, one per Step', () => {
    const controls = new RunControls();
    controls.begin();
    expect(controls.take(7)).toBe(7);
    controls.pause();
    expect(controls.take(7)).toBe(0);
    controls.pausing();
    controls.step();
    expect(controls.take(7)).toBe(1);
    expect(controls.take(7)).toBe(0);
    controls.resume();
    expect(controls.take(3)).toBe(3);
  });

  it('ignores Step while running, and wakes a wait at once when Stop came first', async () => {
    const controls = new RunControls();
    controls.begin();
    controls.pause();
    controls.step();
    expect(controls.stepsAllowed).toBe(0);
    controls.stop();
    await controls.waitForWake();
    expect(controls.stopRequested).toBe(true);
  });
});

describe('RoundSize', () => {
  it('starts with one epoch, then queues about the target of measured device time', () => {
    const rounds = new RoundSize(8);
    expect(rounds.next).toBe(1);
    rounds.observe(1, 50); // the first epoch compiles shaders
    expect(rounds.next).toBe(1);
    rounds.observe(1, 2);
    expect(rounds.next).toBe(4);
    rounds.observe(4, 0.4);
    expect(rounds.next).toBe(80);
    rounds.observe(80, 1e-9);
    expect(rounds.next).toBe(MAX_PENDING_EPOCHS);
    expect(new RoundSize(8, 1).next).toBe(1);
  });

  it('starts from an epoch time a run of the same kind measured, and reports the median of its own', () => {
    const rounds = new RoundSize(8, MAX_PENDING_EPOCHS, 0.5);
    expect(rounds.next).toBe(16);
    expect(rounds.typicalPerEpochMs).toBeUndefined();
    rounds.observe(16, 16);
    rounds.observe(16, 4);
    rounds.observe(1, 4);
    expect(rounds.typicalPerEpochMs).toBe(1);
  });
});

describe('driveRun', () => {
  it.each([
    ['early stopping', converging(12), { patience: 3, minImprovement: 0 }, 'early-stopped'],
    ['divergence', diverging(20), null, 'diverged'],
  ] as const)(
    '%s: one epoch per read-back and many end on the same epoch with the same weights',
    async (_, script, earlyStopping, reason) => {
      const one = scriptedRunner(script);
      const oneOptions = options({ earlyStopping, maxEpochsPerRound: 1, reportIntervalMs: 0 });
      const a = await driveRun(one.runner, new RunControls(), oneOptions);
      const many = scriptedRunner(script);
      const manyOptions = options({ earlyStopping, reportIntervalMs: 1e9 });
      const b = await driveRun(many.runner, new RunControls(), manyOptions);
      expect(a.end?.reason).toBe(reason);
      const { elapsedMs: _a, ...endA } = a;
      const { elapsedMs: _b, ...endB } = b;
      expect(endB).toEqual(endA);
      expect(points(manyOptions.reports)).toEqual(points(oneOptions.reports));
      // The second queued far past the end, read back once, and dropped the extra epochs.
      expect(Math.max(...one.counts)).toBe(1);
      expect(many.queued()).toBeGreaterThan(b.epoch);
      expect(many.reads()).toBe(1);
      expect(one.reads()).toBe(a.epoch);
    },
  );

  it('bounds the queue by device time: at most two rounds of about half an interval on the device, read back once per interval', async () => {
    const clock = { t: 0 };
    // Each queued epoch costs 2 ms of device time, paid when the runner settles.
    const { runner, counts, reads } = scriptedRunner(converging(), { clock, epochMs: 2 });
    const result = await driveRun(runner, new RunControls(), options({ epochs: 200, now: () => clock.t, reportIntervalMs: 16 }));
    expect(result.epoch).toBe(200);
    expect(Math.max(...counts)).toBeLessThanOrEqual(4);
    expect(counts.slice(2, -1)).toEqual(Array(counts.length - 3).fill(4));
    // 400 ms of device work read back about once per 16 ms.
    expect(reads()).toBeGreaterThan(10);
    expect(reads()).toBeLessThanOrEqual(400 / 16 + 2);
  });

  it('keeps the device busy while a read-back travels: the next round is queued before waiting for the values', async () => {
    const clock = { t: 0 };
    // 1 ms of device time per epoch; every wait for the device costs a 4 ms round trip on top.
    const { runner, reads, idle } = scriptedRunner(converging(), { clock, epochMs: 1, latencyMs: 4 });
    const result = await driveRun(runner, new RunControls(), options({ epochs: 300, now: () => clock.t, reportIntervalMs: 16 }));
    expect(result.epoch).toBe(300);
    expect(reads()).toBeGreaterThan(5);
    // Draining the queue at each read-back would leave the device a round trip idle every time.
    expect(idle()).toBeLessThan(reads());
  });

  it('starts a run at the round size the last run of the same kind ended with, not at one epoch', async () => {
    const key = `scripted:${Math.random()}`;
    const run = async (): Promise<number[]> => {
      const clock = { t: 0 };
      const { runner, counts } = scriptedRunner(converging(), { clock, epochMs: 1, latencyMs: 4 });
      await driveRun({ ...runner, paceKey: key }, new RunControls(), options({ epochs: 100, now: () => clock.t, reportIntervalMs: 16 }));
      return counts;
    };
    const first = await run();
    expect(first[0]).toBe(1);
    const measured = lastPace.get(key)!;
    expect(measured).toBeGreaterThan(0);
    const second = await run();
    // Half a report interval of the epoch time the first run measured.
    expect(second[0]).toBe(Math.floor(8 / measured));
    expect(second[0]).toBeGreaterThan(1);
  });

  it('queues long (mini-batch) epochs one per call', async () => {
    const { runner, counts } = scriptedRunner(converging(), { longEpochs: true });
    await driveRun(runner, new RunControls(), options({ epochs: 12, reportIntervalMs: 1e9 }));
    expect(counts).toEqual(Array(12).fill(1));
  });

  it('starts paused when paused before the run, reporting the starting point; Step runs one epoch; Stop ends there', async () => {
    const controls = new RunControls();
    const { runner } = scriptedRunner(converging());
    const o = options({
      onReport: (r) => {
        o.reports.push(r);
        if (r.state !== 'paused') return;
        setTimeout(() => (r.epoch === 0 ? controls.step() : controls.stop()), 0);
      },
    });
    controls.pause();
    const result = await driveRun(runner, controls, o);
    expect(o.reports.map((r) => [r.state, r.epoch, r.points.map((p) => p.epoch)])).toEqual([
      ['paused', 0, [0]],
      ['paused', 1, [1]],
      ['done', 1, []],
    ]);
    expect(result.epoch).toBe(1);
    expect(result.end).toBeUndefined();
  });
});
