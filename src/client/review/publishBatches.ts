// A review's results go to the Problems panel in batches that grow with the run: the first file alone (the
// first findings show at once), then ever larger batches up to a maximum, so that thousands of files make
// a few hundred updates of the Problems panel and the views instead of one each. Decided by counts, never
// by a clock; whatever is left is published by flush() when the run ends or is cancelled. No `vscode` here.
export const MAX_BATCH_FILES = 64;

export class PublishBatches<T> {
  private pending: T[] = [];
  private published = 0;

  constructor(
    private readonly publish: (items: T[]) => void,
    private readonly max = MAX_BATCH_FILES,
  ) {}

  /** How many results the next batch gathers: one more for every four already published, up to the maximum. */
  get batchSize(): number {
    return Math.min(this.max, 1 + Math.floor(this.published / 4));
  }

  add(item: T): void {
    this.pending.push(item);
    if (this.pending.length >= this.batchSize) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const items = this.pending;
    this.pending = [];
    this.published += items.length;
    this.publish(items);
  }
}
