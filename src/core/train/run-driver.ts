/**
 * Drives one run on an EpochRunner: queues epochs in rounds sized to the device, reads them back at
 * most once per report interval (all pending points in one transfer), judges them in order, reports,
 * and keeps Pause, Step and Stop. Epochs queued past the end of a run are dropped, so the outcome never
 * depends on how many were queued between two read-backs.
 *
 * Each concern is an object with its own state (in `driver/`): the read-back queue, the run clock, the
 * device's rounds, the host's turns and the reading of values into judged points; the run's state is
 * the controls' own (`run-controls.ts`). This file is the loop that puts them together.
 */
import type { Weights } from '../model/predict.ts';
import type { Snapshot } from './early-stopping.ts';
import { EpochJudge, type LossPoint } from './epoch-judge.ts';
import type { EpochRunner, EpochTurn } from './epoch-runner.ts';
import { lastPace, MAX_PENDING_EPOCHS, RoundSize } from './round-size.ts';
import type { RunControls, TrainerState } from './run-controls.ts';
import type { RunEnd } from './run-end.ts';
import type { EarlyStoppingSettings } from '../settings/training-settings.ts';
import { DeviceRounds } from './driver/device-rounds.ts';
import { EpochReader } from './driver/epoch-reader.ts';
import { HostTurns } from './driver/host-turns.ts';
import { ReadBackQueue, type Reading } from './driver/read-back-queue.ts';
import { RunClock } from './driver/run-clock.ts';

export interface DriverReport {
  state: TrainerState;
  epoch: number;
  /** New points since the previous report (raw units²). */
  points: LossPoint[];
  /** The current line, standardized units. */
  line: Weights;
  elapsedMs: number;
}

export interface DriverOptions {
  epochs: number;
  earlyStopping: EarlyStoppingSettings | null | undefined;
  start: Weights;
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
  line: Weights;
  elapsedMs: number;
}

export function driveRun(runner: EpochRunner, controls: RunControls, options: DriverOptions): Promise<DriveOutcome> {
  return new RunDrive(runner, controls, options).run();
}

/** One run's loop over its parts; made once per run. */
class RunDrive {
  private readonly judge: EpochJudge;
  private readonly reader: EpochReader;
  private readonly rounds: DeviceRounds;
  // Made in this order: each reads the clock once when made.
  private readonly clock: RunClock;
  private readonly turns: HostTurns;
  private readonly queue: ReadBackQueue;

  constructor(
    private readonly runner: EpochRunner,
    private readonly controls: RunControls,
    private readonly options: DriverOptions,
  ) {
    const { now } = options;
    this.judge = new EpochJudge(options.start, options.earlyStopping);
    this.reader = new EpochReader(this.judge, options.lossScale);
    const sizes = new RoundSize(
      options.reportIntervalMs / 2,
      options.maxEpochsPerRound,
      runner.paceKey === undefined ? undefined : lastPace.get(runner.paceKey),
    );
    controls.begin();
    this.clock = new RunClock(now);
    this.turns = new HostTurns(now, options.yieldToHost);
    this.queue = new ReadBackQueue(() => runner.readBack(), now, options.reportIntervalMs);
    this.rounds = new DeviceRounds(sizes, now);
  }

  /** Epochs run: where the judge ended the run, else all queued. */
  private get epoch(): number {
    return this.reader.endedAt ?? this.queue.epochs;
  }

  private get ended(): boolean {
    return this.judge.end !== undefined;
  }

  async run(): Promise<DriveOutcome> {
    const { runner, controls, queue, rounds } = this;
    const { epochs } = this.options;
    try {
      // The starting point, reported with the first epochs.
      runner.queueStart();
      queue.queuedStart();
      while (this.epoch < epochs && !controls.stopRequested && !this.ended) {
        if (controls.stepsAllowed <= 0) {
          if (!(await this.waitWhilePaused())) break;
          continue;
        }
        const count = controls.take(rounds.wanted(epochs - this.epoch, queue.size, runner.longEpochs));
        rounds.starting();
        // A report due: its read-back starts before the next round is queued, so the device works on
        // that round while the values come back, instead of idling for a whole round trip.
        const reading = !runner.longEpochs && rounds.busy && queue.due ? queue.startReading() : undefined;
        const queued = await runner.queueEpochs(count, this.turn());
        queue.queued(queued);
        if (reading) {
          // The values arrive once the device has done the rounds before this one.
          const done = runner.settle();
          await this.report(reading);
          rounds.queuedWhileReading(done, queued);
          await this.yieldAndCheckStop();
          queue.reported();
          if (queued < count) break;
          continue;
        }
        if (queued < count) break;
        if (queue.due || queue.size > MAX_PENDING_EPOCHS) {
          // The read-back waits for everything queued.
          await this.report();
          rounds.drained(queued);
          await this.yieldAndCheckStop();
          queue.reported();
        } else if (!runner.longEpochs) {
          await rounds.queuedBehind(runner.settle(), queued);
        }
      }
      this.clock.stop();
      controls.finish();
      await this.report();
      rounds.remember(runner.paceKey);
    } finally {
      controls.finish();
    }
    const { judge } = this;
    return { epoch: this.epoch, end: judge.end, restored: judge.restored, line: judge.line, elapsedMs: this.clock.elapsedMs };
  }

  /** Reads back (by default, everything queued so far), judges and reports. */
  private async report(reading: Reading = this.queue.startReading()): Promise<void> {
    const points = await this.reader.read(reading);
    if (this.ended) this.controls.finish();
    const { controls, judge, reader, clock } = this;
    this.options.onReport({ state: controls.state, epoch: reader.lastRead, points, line: judge.line, elapsedMs: clock.elapsedMs });
  }

  /** Gives the host a turn; true when the run was stopped meanwhile. */
  private async yieldAndCheckStop(): Promise<boolean> {
    await this.turns.take();
    return this.controls.stopRequested;
  }

  /** Reports, then waits with the clock stopped until Resume, Step or Stop; false when the run must end. */
  private async waitWhilePaused(): Promise<boolean> {
    const { controls } = this;
    this.clock.stop();
    controls.pausing();
    await this.report();
    if (this.ended) return false;
    await controls.waitForWake();
    this.clock.start();
    this.turns.restart();
    if (controls.stopRequested) return false;
    controls.woke();
    return true;
  }

  /** Turns inside one long epoch: a Pause taken there waits; Step then finishes that epoch. */
  private turn(): EpochTurn {
    const { controls, turns } = this;
    let allowed = controls.stepsAllowed;
    return {
      due: () => turns.due,
      take: async () => {
        if (await this.yieldAndCheckStop()) return false;
        if (controls.pausedSince(allowed)) {
          if (!(await this.waitWhilePaused())) return false;
          // Woken by Step: finishing this epoch is that one step.
          allowed = controls.finishingEpoch();
        }
        return true;
      },
    };
  }
}
