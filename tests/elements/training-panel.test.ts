/**
 * `<training-panel>` alone: which run controls are enabled in each state, what each one fires, the
 * status line, and where keyboard focus goes when the focused button is disabled.
 */
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { DEFAULT_SETTINGS } from '../../src/core/settings/training-settings.ts';
import type { RunControlEvent, TrainRequestEvent } from '../../src/ui/events.ts';
import '../../src/ui/training-panel.ts';
import type { TrainingPanel } from '../../src/ui/training-panel.ts';
import { mount, part, recordEvents, settled, textOf, update } from './mount.ts';

const ACTIONS = ['train', 'pause', 'resume', 'step', 'stop', 'reset'] as const;

function button(panel: TrainingPanel, action: (typeof ACTIONS)[number]): HTMLButtonElement {
  return part<HTMLButtonElement>(panel, `button[data-action=${action}]`);
}

function enabledActions(panel: TrainingPanel): string[] {
  return ACTIONS.filter((action) => !button(panel, action).disabled);
}

function status(panel: TrainingPanel): string {
  return textOf(part(panel, '[data-status]'));
}

/** The element focused inside the panel's shadow root, looking into the settings form too. */
function focusedAction(panel: TrainingPanel): string | undefined {
  return (panel.shadowRoot!.activeElement as HTMLElement | null)?.dataset.action;
}

describe('<training-panel>', () => {
  it('waits for data and a backend with every control disabled, in a labelled group', async () => {
    const panel = await mount('training-panel');
    expect(enabledActions(panel)).toEqual([]);
    expect(status(panel)).toBe('Waiting for data and a backend…');
    expect(part(panel, '[data-status]').getAttribute('aria-live')).toBe('polite');
    await expect.element(page.getByRole('group', { name: 'Run controls' })).toBeVisible();
    // No "Epoch 0 of 0" before the first run.
    expect(part(panel, 'training-progress').hidden).toBe(true);
  });

  it('says why training is unavailable instead of waiting forever', async () => {
    const panel = await mount('training-panel', { unavailable: 'No backend could start.' });
    expect(status(panel)).toBe('No backend could start.');
    expect(part(panel, '[data-status]').classList.contains('warning')).toBe(true);
  });

  it('enables only the controls that make sense in each state', async () => {
    const panel = await mount('training-panel', { ready: true });
    expect(enabledActions(panel)).toEqual(['train', 'step']);
    expect(status(panel)).toBe('Ready to train.');
    await update(panel, { runState: 'running', epoch: 3, epochs: 50 });
    expect(enabledActions(panel)).toEqual(['pause', 'stop']);
    expect(status(panel)).toBe('Training…');
    expect(part(panel, 'training-progress').hidden).toBe(false);
    await update(panel, { runState: 'paused' });
    expect(enabledActions(panel)).toEqual(['resume', 'step', 'stop', 'reset']);
    expect(status(panel)).toBe('Paused after epoch 3 of 50.');
    await update(panel, {
      runState: 'idle',
      canReset: true,
      endMessage: 'Stopped early after epoch 12: no improvement.',
      endWarning: false,
    });
    expect(enabledActions(panel)).toEqual(['train', 'step', 'reset']);
    expect(status(panel)).toBe('Stopped early after epoch 12: no improvement.');
    expect(part(panel, '[data-status]').classList.contains('warning')).toBe(false);
    await update(panel, { endWarning: true });
    expect(part(panel, '[data-status]').classList.contains('warning')).toBe(true);
  });

  it('disables the settings while a run is going', async () => {
    const panel = await mount('training-panel', { ready: true, runState: 'running' });
    expect(part(panel, 'training-settings').hasAttribute('disabled')).toBe(true);
    await update(panel, { runState: 'idle' });
    expect(part(panel, 'training-settings').hasAttribute('disabled')).toBe(false);
  });

  it('Train sends the settings shown, from scratch unless "continue" is ticked', async () => {
    const settings = { ...DEFAULT_SETTINGS, epochs: 80 };
    const panel = await mount('training-panel', { ready: true, settings });
    const requests = recordEvents<TrainRequestEvent>(panel, 'train-request');
    await userEvent.click(page.getByRole('button', { name: 'Train' }));
    expect(requests.map(({ settings, resume, start }) => ({ settings, resume, start }))).toEqual([
      { settings, resume: false, start: 'run' },
    ]);

    // "Continue" is only offered when there is a model to continue from.
    const resume = page.getByLabelText('Continue from the current model');
    await expect.element(resume).toBeDisabled();
    await update(panel, { canResume: true });
    await userEvent.click(resume);
    await userEvent.click(page.getByRole('button', { name: 'Train' }));
    expect(requests[1].resume).toBe(true);
  });

  it('says why the current model cannot be continued from (other features), tied to the box', async () => {
    const panel = await mount('training-panel', { ready: true });
    expect(panel.shadowRoot!.querySelector('[data-resume-note]')).toBeNull();
    const note =
      'The current model reads BMI → Life expectancy: to continue from it, choose the same features, in the same order, and its target.';
    await update(panel, { resumeNote: note });
    await expect.element(page.getByLabelText('Continue from the current model')).toBeDisabled();
    await expect.element(page.getByLabelText('Continue from the current model')).toHaveAccessibleDescription(note);
    expect(textOf(part(panel, '[data-resume-note]'))).toBe(note);
  });

  it('Train with a refused setting sends nothing and shows why', async () => {
    const panel = await mount('training-panel', { ready: true });
    const requests = recordEvents(panel, 'train-request');
    await userEvent.fill(page.getByLabelText('Epochs', { exact: true }), '0');
    await userEvent.click(page.getByRole('button', { name: 'Train' }));
    await settled(panel);
    expect(requests).toHaveLength(0);
    await expect.element(page.getByRole('alert')).toHaveTextContent('Epochs must be a whole number from 1 to 100000.');
  });

  it('Step before any run asks for a one-epoch run; while paused it is a run control', async () => {
    const panel = await mount('training-panel', { ready: true });
    const requests = recordEvents<TrainRequestEvent>(panel, 'train-request');
    const controls = recordEvents<RunControlEvent>(panel, 'run-control');
    await userEvent.click(page.getByRole('button', { name: 'Step' }));
    expect(requests.map((event) => event.start)).toEqual(['step']);
    await update(panel, { runState: 'paused' });
    await userEvent.click(page.getByRole('button', { name: 'Step' }));
    expect(controls.map((event) => event.action)).toEqual(['step']);
    expect(requests).toHaveLength(1);
  });

  it('Pause, Resume, Stop and Reset each send their run control', async () => {
    const panel = await mount('training-panel', { ready: true, runState: 'running' });
    const controls = recordEvents<RunControlEvent>(panel, 'run-control');
    await userEvent.click(page.getByRole('button', { name: 'Pause' }));
    await update(panel, { runState: 'paused' });
    await userEvent.click(page.getByRole('button', { name: 'Resume' }));
    await update(panel, { runState: 'running' });
    await userEvent.click(page.getByRole('button', { name: 'Stop' }));
    await update(panel, { runState: 'paused' });
    await userEvent.click(page.getByRole('button', { name: 'Reset' }));
    expect(controls.map((event) => event.action)).toEqual(['pause', 'resume', 'stop', 'reset']);
    expect(controls.every((event) => event.bubbles && event.composed)).toBe(true);
  });

  it('works from the keyboard, focus moving on to the button that follows when the focused one is disabled', async () => {
    const panel = await mount('training-panel', { ready: true });
    const requests = recordEvents(panel, 'train-request');
    button(panel, 'train').focus();
    await userEvent.keyboard('{Enter}');
    expect(requests).toHaveLength(1);
    // The app starts the run: Train is disabled, focus moves to Pause.
    await update(panel, { runState: 'running' });
    expect(focusedAction(panel)).toBe('pause');
    await userEvent.keyboard(' ');
    await update(panel, { runState: 'paused' });
    expect(focusedAction(panel)).toBe('resume');
    // The run ends by itself while Resume has focus: focus goes to Train, not to the page.
    await update(panel, { runState: 'idle', canReset: true });
    expect(focusedAction(panel)).toBe('train');
  });

  it('passes the latest loss point to the progress line and the points to the chart', async () => {
    const points = [
      { epoch: 0, trainLoss: 900, validationLoss: 950 },
      { epoch: 1, trainLoss: 400.5, validationLoss: 420 },
    ];
    const panel = await mount('training-panel', { ready: true, runState: 'running', epoch: 1, epochs: 10, points, lossUnit: 'years²' });
    const progress = part(panel, 'training-progress');
    expect(textOf(part(progress, '[data-progress=train-loss]'))).toBe('400.5000');
    const chart = part<HTMLElementTagNameMap['loss-chart']>(panel, 'loss-chart');
    expect(chart.points).toBe(points);
    expect(chart.unit).toBe('years²');
  });
});
