// A fixed pool of worker threads analysing files in parallel. Each worker has at most a few files in flight
// (one being analysed, the others' paths waiting), so memory stays bounded whatever the size of the tree; a
// worker that dies (out of memory on a pathological file, a bug) costs only its files, which are reported,
// and is replaced.
import { Worker } from 'node:worker_threads';
import type { FileReport } from '../core/report/scanReport';
import { fileProblem, type AnalyzerSettings } from './analyzeFile';
import type { WorkerTask } from './worker';

type Analysed = FileReport & { bytes: number };

interface Pending {
  task: WorkerTask;
  bytes: number;
  resolve(report: Analysed): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** The sizes of the files in `pending`. */
  pendingBytes: number;
}

/**
 * What a worker may have queued: files, and bytes of them (one file at least, however large). The main
 * thread hands out files only between two of its own, so a worker needs enough queued to stay busy
 * meanwhile (with one file it was idle a fifth of the scan, with four a tenth, with sixteen almost never);
 * the byte limit keeps a few very large files from piling up on one worker while the others finish.
 */
const MAX_QUEUED_FILES = 16;
const MAX_QUEUED_BYTES = 2 * 1024 * 1024;
/**
 * The worker's young generation. With 4 MB, where findings are dense a worker spent a fifth of its time
 * collecting garbage (the 10 MB dense tree: 1.28 s of 5.9 s); 8 MB nearly halves that (0.72 s), as 16 MB
 * does (0.68 s), and the 100 MB dense tree's peak RSS stays within the spread of 4 MB's (270–290 MB).
 */
const YOUNG_GENERATION_MB = 8;

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private closed = false;
  /** Replacements left: a worker that cannot start at all (a missing bundle) must not be restarted forever. */
  private restarts: number;

  constructor(
    size: number,
    private readonly entry: string,
    private readonly settings: AnalyzerSettings,
  ) {
    this.restarts = size * 4;
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  private start(): Slot {
    const slot: Slot = {
      worker: new Worker(this.entry, { workerData: this.settings, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }),
      pending: new Map(),
      pendingBytes: 0,
    };
    slot.worker.on('message', (message: { id: number; report: Analysed }) => {
      const pending = slot.pending.get(message.id);
      if (!pending) return;
      slot.pending.delete(message.id);
      slot.pendingBytes -= pending.bytes;
      pending.resolve(message.report);
    });
    const fail = (reason: string) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return; // already replaced
      for (const { task, resolve } of slot.pending.values()) {
        resolve({ ...fileProblem(task.display, 'analysis-failed', `analysis failed: ${reason}`), bytes: 0 });
      }
      slot.pending.clear();
      slot.pendingBytes = 0;
      if (this.closed || this.restarts-- <= 0) {
        this.slots.splice(index, 1);
      } else {
        this.slots[index] = this.start();
      }
    };
    slot.worker.on('error', (e) => fail(e.message));
    slot.worker.on('exit', (code) => {
      if (code !== 0 || slot.pending.size > 0) fail(`worker exited with code ${code}`);
    });
    return slot;
  }

  private static canTake(slot: Slot): boolean {
    return slot.pending.size === 0 || (slot.pending.size < MAX_QUEUED_FILES && slot.pendingBytes < MAX_QUEUED_BYTES);
  }

  /** Whether a worker can take another file now (or none could ever start, and `analyze` answers at once). */
  hasCapacity(): boolean {
    return this.slots.length === 0 || this.slots.some(WorkerPool.canTake);
  }

  /** `bytes`: the file's size, as far as known (0 if not), for the byte limit of a worker's queue. */
  analyze(path: string | Uint8Array, display: string, bytes = 0): Promise<Analysed> {
    if (this.slots.length === 0) {
      return Promise.resolve({ ...fileProblem(display, 'analysis-failed', 'analysis failed: no worker thread could be started'), bytes: 0 });
    }
    const open = this.slots.filter(WorkerPool.canTake);
    const slot = (open.length > 0 ? open : this.slots).reduce((best, s) => (s.pendingBytes < best.pendingBytes ? s : best));
    const task: WorkerTask = { id: this.nextId++, path, display };
    return new Promise((resolve) => {
      slot.pending.set(task.id, { task, bytes, resolve });
      slot.pendingBytes += bytes;
      slot.worker.postMessage(task);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
