/**
 * The keys of a JSON object's top level in the order written, duplicates included. `JSON.parse` keeps
 * only the last of two equal keys, so `{"bmi": 28.45, "bmi": 99}` would silently answer for 99; the
 * server counts them with this instead and refuses a field given twice.
 */

/** The top-level keys of `text`, which must already be known to be a valid JSON object. */
export function topLevelKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      const end = endOfString(text, i);
      // A string at depth 1 followed by a colon is a key of the top object.
      if (depth === 1 && /^\s*:/.test(text.slice(end, end + 64))) keys.push(JSON.parse(text.slice(i, end)) as string);
      i = end;
      continue;
    }
    if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') depth -= 1;
    i += 1;
  }
  return keys;
}

/** The index just past the string literal starting at `start` (its opening quote). */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}
