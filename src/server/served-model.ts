/**
 * A model as the server serves it: the model, its request rules, a content hash naming it, and its
 * `GET /model` answer, all made once when it is loaded. A request reads the slot's model once and
 * uses that one object for everything it answers, so swapping the slot's model (a new weights file)
 * never mixes two models in one answer.
 */
import { createHash } from 'node:crypto';
import { columnLabel } from '../core/data/columns.ts';
import type { Model } from '../core/model/model.ts';
import type { Result } from '../core/result.ts';
import { isIntervalBasis, isJointIntervalBasis } from '../core/stats/intervals.ts';
import { modelFeatures } from '../core/model/model-features.ts';
import { answerKeysProblem } from './json-answer.ts';
import { predictApiOf, type PredictApi } from './predict-api.ts';

export interface ServedModel {
  readonly model: Model;
  readonly api: PredictApi;
  /** SHA-256 of the weights file's bytes in hex: the `X-Model` header and `hash` of `GET /model`. */
  readonly hash: string;
  /** ISO 8601 time this process loaded it. */
  readonly loadedAt: string;
  /** `GET /model`'s body, made once. */
  readonly description: string;
}

/** The content hash that names a weights file: two files with the same bytes are the same model. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The model ready to serve, or why it cannot be (its JSON answer would lose a value to a column name
 * that collides with another key). `bytes` are the weights file's, for its hash.
 */
export function serveModel(model: Model, bytes: Uint8Array | string, loadedAt = new Date()): Result<{ served: ServedModel }> {
  const api = predictApiOf(model);
  const problem = answerKeysProblem(api);
  if (problem) return { ok: false, error: problem };
  const hash = contentHash(bytes);
  const loaded = loadedAt.toISOString();
  return {
    ok: true,
    served: { model, api, hash, loadedAt: loaded, description: `${JSON.stringify(describeModel(model, api, hash, loaded))}\n` },
  };
}

/** What `GET /model` says: which model answers, what it reads and predicts, and how it was trained. */
function describeModel(model: Model, api: PredictApi, hash: string, loadedAt: string): unknown {
  const { training } = model;
  const features = modelFeatures(model).map(({ feature, coefficient }, j) => ({
    name: feature.name,
    label: columnLabel(feature.name),
    unit: feature.unit,
    field: api.features[j].field,
    trainingRange: { min: feature.min, max: feature.max },
    acceptedRange: { min: api.features[j].range.min, max: api.features[j].range.max },
    coefficient,
  }));
  // One feature: its column and the line, as always; several: every feature with its coefficient.
  const several = model.moreFeatures !== undefined;
  const [{ coefficient: _slope, ...first }] = features;
  return {
    hash,
    loadedAt,
    ...(several ? { features } : { feature: first }),
    target: { name: model.target.name, label: columnLabel(model.target.name), unit: model.target.unit, key: api.resultField },
    ...(several
      ? { intercept: model.intercept, ...(model.aliasedFeatures ? { aliasedFeatures: model.aliasedFeatures } : {}) }
      : { line: { slope: model.slope, intercept: model.intercept } }),
    training: {
      date: training.date,
      epochs: training.epochs,
      mse: training.trainMse,
      r2: training.r2,
      validationMse: training.validationMse,
      rows: training.rows,
      dataHash: training.dataHash,
      optimizer: training.optimizer,
      learningRate: training.learningRate,
      backend: training.backend,
    },
    intervals: isIntervalBasis(model.intervals) || isJointIntervalBasis(model.intervals),
  };
}

/** The model a server answers with now; `replace` swaps it in one assignment, between two requests' reads. */
export class ModelSlot {
  constructor(private served: ServedModel) {}

  get current(): ServedModel {
    return this.served;
  }

  replace(next: ServedModel): ServedModel {
    const previous = this.served;
    this.served = next;
    return previous;
  }
}
