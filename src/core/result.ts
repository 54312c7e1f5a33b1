/**
 * The one shape of an outcome that can fail, used by every layer: `ok` says which, and a failure
 * always names its explanation `error` (a sentence for the user, or a code where the caller decides
 * what to say). A success carries its own named fields (`value`, `model`, `dataset`, …).
 */

/** A failure; `E` narrows `error` to codes where the caller picks the words. */
export interface Failure<E extends string = string> {
  readonly ok: false;
  readonly error: E;
}

/** Success with the fields of `T`, or a `Failure`. */
export type Result<T extends object = object, E extends string = string> = ({ readonly ok: true } & T) | Failure<E>;
