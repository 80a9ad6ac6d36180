// Scanned text and file names can hold terminal escapes (ESC [2J clears the screen, OSC 52 writes the
// clipboard), other control characters, and the Unicode ones that reorder or split displayed text (bidi
// overrides, line separators). No report carries them raw: they are shown as escapes (`\x1b`, `\u202e`).

/** C0 and C1 controls (tab aside), DEL, line/paragraph separators, bidi embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, but line breaks allowed: for whole report files whose own lines end in them. */
const UNSAFE_IN_DOCUMENT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** Outside \u0000-\u001f, what JSON.stringify leaves raw. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeOf = (c: string): string => {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** The text with every control character shown as an escape, on one line. */
export function showControls(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, escapeOf) : text;
}

/** A rendered report file (Markdown, HTML, CSV) with every control character but its own line breaks and tabs escaped. */
export function showControlsInDocument(text: string): string {
  return text.replace(UNSAFE_IN_DOCUMENT, escapeOf);
}

/** JSON text with the characters JSON.stringify leaves raw (C1 controls, separators, bidi) written as \u escapes: the same value. */
export function escapeControlsInJson(json: string): string {
  UNSAFE_IN_JSON.lastIndex = 0;
  if (!UNSAFE_IN_JSON.test(json)) return json;
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Every string in a JSON-like value with its control characters shown; parts without any are kept as they are, not copied. */
export function showControlsDeep<T>(value: T): T {
  if (typeof value === 'string') return showControls(value) as T;
  if (Array.isArray(value)) {
    let changed: unknown[] | undefined;
    value.forEach((v, i) => {
      const shown = showControlsDeep(v);
      if (shown !== v) (changed ??= [...value])[i] = shown;
    });
    return (changed ?? value) as T;
  }
  if (value && typeof value === 'object') {
    let changed: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      const shown = showControlsDeep(v);
      if (shown !== v) (changed ??= { ...(value as Record<string, unknown>) })[k] = shown;
    }
    return (changed ?? value) as T;
  }
  return value;
}
