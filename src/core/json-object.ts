/** A parsed JSON value that is an object (not an array, not null), its keys still unchecked. */
export type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
