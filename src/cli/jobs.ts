// How many files are analysed at once (`--jobs`, or the machine's share of the work).
import { availableParallelism } from 'node:os';

/** Each worker holds its own heap (tens of MB): past this many, memory grows faster than the scan speeds up. */
export const MAX_DEFAULT_JOBS = 8;

/**
 * The analysers to run: the main thread and jobs − 1 workers. `requested` 0 means decide. Never more than
 * the files there are (`fileCount`, when the walk is known to be that short), nor more than the cores or
 * MAX_DEFAULT_JOBS, whichever is larger: `--jobs 1000` would start a thousand heaps for nothing.
 */
export function jobsFor(requested: number, fileCount: number | undefined, cores = availableParallelism()): number {
  const wanted = requested > 0 ? Math.min(requested, Math.max(cores, MAX_DEFAULT_JOBS)) : fileCount !== undefined ? 1 : Math.min(cores, MAX_DEFAULT_JOBS);
  return Math.max(1, fileCount !== undefined ? Math.min(wanted, fileCount) : wanted);
}
