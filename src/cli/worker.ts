// Worker-thread entry (bundled as dist/cli-worker.js): analyses the files the main thread sends, one
// message per file, and answers with the compact record. Each worker holds its own language service.
import { parentPort, workerData } from 'node:worker_threads';
import { createFileAnalyzer, type AnalyzerSettings } from './analyzeFile';

export interface WorkerTask {
  id: number;
  /** Bytes when the name is not valid UTF-8 (walk.ts). */
  path: string | Uint8Array;
  display: string;
}

const analyzer = createFileAnalyzer(workerData as AnalyzerSettings);

parentPort?.on('message', (task: WorkerTask) => {
  void analyzer.analyzeFile(task.path, task.display).then((report) => parentPort!.postMessage({ id: task.id, report }));
});
