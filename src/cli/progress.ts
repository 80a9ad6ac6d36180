// Progress for long scans on a terminal: one line on standard error, redrawn at most ten times a second,
// shown only once a scan has run for a moment and never when standard error is not a terminal.
const FIRST_DRAW_AFTER_MS = 500;
const REDRAW_EVERY_MS = 100;

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(bytes < 10 * 1_048_576 ? 1 : 0)} MB`;
}

export class Progress {
  private seen = 0;
  private done = 0;
  private bytes = 0;
  private walking = true;
  private lastDraw = 0;
  private drawn = false;
  private readonly started = Date.now();

  constructor(private readonly stream: NodeJS.WriteStream | undefined) {}

  fileSeen(): void {
    this.seen++;
    this.maybeDraw();
  }

  fileDone(bytes: number): void {
    this.done++;
    this.bytes += bytes;
    this.maybeDraw();
  }

  walkFinished(): void {
    this.walking = false;
  }

  private maybeDraw(): void {
    if (!this.stream) return;
    const now = Date.now();
    if (now - this.started < FIRST_DRAW_AFTER_MS || now - this.lastDraw < REDRAW_EVERY_MS) return;
    this.lastDraw = now;
    const seconds = (now - this.started) / 1000;
    const total = `${this.seen}${this.walking ? '+' : ''}`;
    const rate = `${Math.round(this.done / seconds)} files/s, ${megabytes(this.bytes / seconds)}/s`;
    const columns = this.stream.columns ?? 80;
    const line = `Scanning: ${this.done}/${total} files, ${megabytes(this.bytes)} (${rate})`.slice(0, Math.max(10, columns - 1));
    this.stream.write(`\r\u001b[K${line}`);
    this.drawn = true;
  }

  /** Clears the line so the report (or the shell prompt) starts clean. */
  finish(): void {
    if (this.stream && this.drawn) this.stream.write('\r\u001b[K');
  }
}
