/**
 * Drives one run on an EpochRunner: queues epochs in rounds sized to the device, reads them back at
 * most once per report interval (all pending points in one transfer), judges them in order, reports,
 * and keeps Pause, Step and Stop. Epochs queued past the end of a run are dropped, so the outcome never
 * depends on how many were queued between two read-backs.
 */
import type { Line } from '../model/predict.ts';
import type { Snapshot } from './early-stopping.ts';
import { EpochJudge, type LossPoint } from './epoch-judge.ts';
import type { EpochRunner, EpochTurn, EpochValues } from './epoch-runner.ts';
import { lastPace, MAX_PENDING_EPOCHS, RoundSize } from './round-size.ts';
import type { RunControls, TrainerState } from './run-controls.ts';
import type { RunEnd } from './run-end.ts';
import type { EarlyStoppingSettings } from '../settings/training-settings.ts';

export interface DriverReport {
  state: TrainerState;
  epoch: number;
  /** New points since the previous report (raw units²). */
  points: LossPoint[];
  /** The current line, standardized units. */
  line: Line;
  elapsedMs: number;
}

export interface DriverOptions {
  epochs: number;
  earlyStopping: EarlyStoppingSettings | null | undefined;
  start: Line;
  /** Scaled losses times this are raw losses (the target's variance). */
  lossScale: number;
  now: () => number;
  yieldToHost: () => Promise<void>;
  reportIntervalMs: number;
  /** At most this many epochs per round (tests use 1 to compare with many). */
  maxEpochsPerRound?: number | undefined;
  onReport: (report: DriverReport) => void;
}

export interface DriveOutcome {
  epoch: number;
  end: RunEnd | undefined;
  restored: Snapshot | undefined;
  line: Line;
  elapsedMs: number;
}

/** Longest stretch of mini-batch work between two turns of the host, in ms. */
const WORK_SLICE_MS = 10;

export async function driveRun(runner: EpochRunner, controls: RunControls, options: DriverOptions): Promise<DriveOutcome> {
  const { now, yieldToHost, reportIntervalMs } = options;
  const judge = new EpochJudge(options.start, options.earlyStopping);
  const rounds = new RoundSize(
    reportIntervalMs / 2,
    options.maxEpochsPerRound,
    runner.paceKey === undefined ? undefined : lastPace.get(runner.paceKey),
  );
  let epoch = 0;
  controls.state = 'running';

  // Training time excludes pauses, so epochs per second and time left stay honest.
  let runningSince: number | undefined = now();
  let elapsedBefore = 0;
  const elapsed = (): number => elapsedBefore + (runningSince === undefined ? 0 : now() - runningSince);
  const stopClock = (): void => {
    elapsedBefore = elapsed();
    runningSince = undefined;
  };

  /** Epoch numbers of the points queued and not yet read back, in queue order. */
  let pending: number[] = [];
  /** The epoch of the last point read back: what a report shows. */
  let readEpoch = 0;
  /**
   * Starts reading back every point queued so far (the runner takes them at once); what is queued
   * after this call is not part of it, so the device can go on working while the values travel.
   */
  const startReading = (): { epochs: number[]; values: Promise<EpochValues[]> } => {
    const reading = { epochs: pending, values: pending.length > 0 ? runner.readBack() : Promise.resolve([]) };
    pending = [];
    return reading;
  };
  const report = async (reading = startReading()): Promise<void> => {
    const points: LossPoint[] = [];
    const values = await reading.values;
    for (let i = 0; i < reading.epochs.length && judge.end === undefined; i++) {
      const v = values[i];
      const point: LossPoint = {
        epoch: reading.epochs[i],
        trainLoss: v.trainLoss * options.lossScale,
        validationLoss: v.validationLoss === null ? null : v.validationLoss * options.lossScale,
        line: { slope: v.slope, intercept: v.intercept },
      };
      points.push(point);
      readEpoch = point.epoch;
      // Epochs run past the end are dropped.
      if (judge.examine(point, { slope: v.slope, intercept: v.intercept })) epoch = point.epoch;
    }
    if (judge.end !== undefined) controls.state = 'done';
    options.onReport({ state: controls.state, epoch: readEpoch, points, line: judge.line, elapsedMs: elapsed() });
  };

  let lastYield = now();
  /** Gives the host a turn; true when the run was stopped meanwhile. */
  const yieldAndCheckStop = async (): Promise<boolean> => {
    await yieldToHost();
    lastYield = now();
    return controls.stopRequested;
  };

  /** Reports, then waits with the clock stopped until Resume, Step or Stop; false when the run must end. */
  const waitWhilePaused = async (): Promise<boolean> => {
    stopClock();
    controls.state = 'paused';
    await report();
    if (judge.end !== undefined) return false;
    await controls.waitForWake();
    runningSince = now();
    lastYield = now();
    if (controls.stopRequested) return false;
    controls.state = 'running';
    return true;
  };

  /** Turns inside one long epoch: a Pause taken there waits; Step then finishes that epoch. */
  const turnFor = (): EpochTurn => {
    let allowed = controls.stepsAllowed;
    return {
      due: () => now() - lastYield >= WORK_SLICE_MS,
      take: async () => {
        if (await yieldAndCheckStop()) return false;
        if (controls.stepsAllowed < allowed) {
          if (!(await waitWhilePaused())) return false;
          // Woken by Step: finishing this epoch is that one step.
          controls.stepsAllowed -= 1;
          allowed = controls.stepsAllowed;
        }
        return true;
      },
    };
  };

  try {
    // The starting point, reported with the first epochs.
    runner.queueStart();
    pending.push(0);
    let lastReport = now();
    // Two rounds at most on the device: after queueing one, wait for the one before, so the device
    // always has work queued while the queue stays bounded by work really done.
    let previous: { done: Promise<void>; epochs: number } | undefined;
    let lastDone = now();
    const roundDone = (epochs: number): void => {
      const at = now();
      rounds.observe(epochs, at - lastDone);
      lastDone = at;
    };
    while (epoch < options.epochs && !controls.stopRequested && judge.end === undefined) {
      if (controls.stepsAllowed <= 0) {
        if (!(await waitWhilePaused())) break;
        continue;
      }
      const wanted = runner.longEpochs ? 1 : Math.min(rounds.next, options.epochs - epoch, MAX_PENDING_EPOCHS - pending.length + 1);
      const count = controls.take(wanted);
      if (previous === undefined) lastDone = now();
      // A report due: its read-back starts before the next round is queued, so the device works on
      // that round while the values come back, instead of idling for a whole round trip.
      const reading = !runner.longEpochs && previous !== undefined && now() - lastReport >= reportIntervalMs ? startReading() : undefined;
      const turn = turnFor();
      const queued = await runner.queueEpochs(count, turn);
      for (let i = 1; i <= queued; i++) pending.push(epoch + i);
      epoch += queued;
      if (reading) {
        // The values arrive once the device has done the rounds before this one.
        const done = runner.settle();
        await report(reading);
        roundDone(previous!.epochs);
        previous = { done, epochs: queued };
        await yieldAndCheckStop();
        lastReport = now();
        if (queued < count) break;
        continue;
      }
      if (queued < count) break;
      if (now() - lastReport >= reportIntervalMs || pending.length > MAX_PENDING_EPOCHS) {
        // The read-back waits for everything queued.
        await report();
        roundDone(queued + (previous?.epochs ?? 0));
        previous = undefined;
        await yieldAndCheckStop();
        lastReport = now();
      } else if (!runner.longEpochs) {
        const done = runner.settle();
        if (previous) {
          await previous.done;
          roundDone(previous.epochs);
        }
        previous = { done, epochs: queued };
      }
    }
    stopClock();
    controls.state = 'done';
    await report();
    const pace = rounds.typicalPerEpochMs;
    if (runner.paceKey !== undefined && pace !== undefined) lastPace.set(runner.paceKey, pace);
  } finally {
    controls.state = 'done';
  }
  return { epoch, end: judge.end, restored: judge.restored, line: judge.line, elapsedMs: elapsedBefore };
}
