// Findings of one vendor repeat the same values: every Hikvision finding carries the same nine advisory ids
// twice (in `data`) and the same advisory link. Parsed from each response, a review of 400,000 findings
// held 800,000 copies of a few dozen lists, about a kilobyte per finding in the extension host. The
// review keeps one copy of each instead. No `vscode` here.

/** One copy of each value under its key; forgets everything past `max` keys, so odd data cannot make it grow. */
export class SharedValues<T> {
  private readonly values = new Map<string, T>();

  constructor(private readonly max = 10_000) {}

  share(key: string, make: () => T): T {
    const known = this.values.get(key);
    if (known !== undefined) return known;
    if (this.values.size >= this.max) this.values.clear();
    const value = make();
    this.values.set(key, value);
    return value;
  }
}

const LIST_KEYS = ['advisoryIds', 'advisoriesInForce'] as const;

/** Replaces each diagnostic's advisory lists (in its `data`) by the shared copy of an equal list. */
export function shareFindingLists(diagnostics: readonly { data?: unknown }[], lists: SharedValues<string[]>): void {
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data;
    if (!data || typeof data !== 'object') continue;
    const record = data as Record<string, unknown>;
    for (const key of LIST_KEYS) {
      const list = record[key];
      if (Array.isArray(list) && list.every((id) => typeof id === 'string')) record[key] = lists.share(list.join('\n'), () => list);
    }
  }
}
