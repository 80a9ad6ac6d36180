// Where the CLI writes: the --output file, checked against what is scanned and written without following
// a link; standard output and error, closed early by a reader such as `head`.
import { closeSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './args';
import { describeIoError } from './io';

/** The same file: one inode, whatever path leads to it. */
function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** The output path with its directory's links resolved (the file itself is never followed). */
function realOutputPath(output: string): string {
  const absolute = resolve(output);
  try {
    return join(realpathSync(dirname(absolute)), basename(absolute));
  } catch {
    return absolute;
  }
}

export interface OutputTarget {
  /** Whether a file the walk found is the report itself: skipped, so the next scan does not scan its own report. */
  isOutput(path: string | Uint8Array): boolean;
}

/**
 * Checks --output against the scan's inputs (the named paths, the policy and baseline files): a file
 * among them is refused (the report would replace it); a report inside a scanned directory is left out
 * of the scan.
 */
export function checkOutput(output: string, paths: readonly string[], optionFiles: readonly string[] = []): OutputTarget {
  const absolute = resolve(output);
  const real = realOutputPath(output);
  for (const named of [...paths, ...optionFiles]) {
    if (named === '-') continue;
    const isFile = (() => {
      try {
        return statSync(named).isFile();
      } catch {
        return false;
      }
    })();
    if (isFile && (resolve(named) === absolute || realOutputPath(named) === real || sameFile(named, output))) {
      throw new UsageError(`--output ${output} is one of the scan's inputs (${named}); the report would overwrite it`);
    }
  }
  return {
    isOutput(path) {
      if (typeof path !== 'string') return false; // the output's own name is text
      const candidate = resolve(path);
      return candidate === absolute || candidate === real;
    },
  };
}

/** The process's own standard streams by name: `-o /dev/stdout` means "this pipe or terminal", wherever it leads. */
export function namesOwnStream(absolute: string): boolean {
  return /^\/dev\/(?:stdout|stderr)$|^\/(?:dev|proc\/self)\/fd\/\d+$/.test(absolute);
}

/**
 * Written to as it is, not replaced: a stream the user named (/dev/stdout), or a device, FIFO or socket
 * named directly (/dev/null, /dev/tty). A link to one anywhere else is replaced like any link: a link
 * planted in a repository must not lead the report into a device.
 */
function writesThrough(absolute: string): boolean {
  if (namesOwnStream(absolute)) return true;
  try {
    const info = lstatSync(absolute);
    return !info.isFile() && !info.isDirectory() && !info.isSymbolicLink();
  } catch {
    return false;
  }
}

/** Writes all of `data` (a pipe or FIFO may take less than asked at once). */
export function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** A report file being written: bytes go out as they come; `finish` puts the file in place. */
export interface OutputFile {
  /** The file written until `finish` (a temporary one beside the destination): never scanned. */
  readonly writing: string;
  write(data: string | Uint8Array): void;
  finish(): void;
  /** Leaves nothing behind (the scan failed before its report was complete). */
  abort(): void;
}

function outputError(output: string, e: unknown): UsageError {
  if (e instanceof UsageError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EEXIST' ? 'is a directory' : describeIoError(e);
  return new UsageError(`cannot write --output ${output}: ${why}`);
}

/**
 * Opens a report file: written beside its destination and renamed into place by `finish`, so a link at
 * the destination is replaced, never followed (a `vendorlens.sarif` link to a file elsewhere stays
 * pointing at an intact file), and a reader never sees half a report. A stream the user named
 * (/dev/stdout, a FIFO, /dev/null) is written to as it is.
 */
export function openOutput(output: string): OutputFile {
  const absolute = resolve(output);
  if (writesThrough(absolute)) {
    let fd: number;
    try {
      fd = openSync(absolute, 'w');
    } catch (e) {
      throw outputError(output, e);
    }
    return {
      writing: absolute,
      write(data) {
        try {
          writeAll(fd, data);
        } catch (e) {
          throw outputError(output, e);
        }
      },
      finish: () => closeSync(fd),
      abort: () => closeSync(fd),
    };
  }
  const temporary = join(dirname(absolute), `.${basename(absolute)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  const discard = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    try {
      unlinkSync(temporary);
    } catch {
      // never created, or already renamed
    }
  };
  try {
    // 'wx': O_CREAT|O_EXCL, which also refuses to open through a link planted at the temporary name.
    fd = openSync(temporary, 'wx', 0o666);
  } catch (e) {
    discard();
    throw outputError(output, e);
  }
  return {
    writing: temporary,
    write(data) {
      try {
        writeAll(fd!, data);
      } catch (e) {
        discard();
        throw outputError(output, e);
      }
    },
    finish() {
      try {
        fsyncSync(fd!);
        closeSync(fd!);
        fd = undefined;
        renameSync(temporary, absolute);
      } catch (e) {
        discard();
        throw outputError(output, e);
      }
    },
    abort: discard,
  };
}

/** Writes a whole report (see openOutput). */
export function writeOutput(output: string, text: string): void {
  const file = openOutput(output);
  file.write(text);
  file.finish();
}

/**
 * A reader that stops early (`vendorlens scan … | head`) closes the pipe: the rest of the output is
 * dropped quietly instead of ending in an EPIPE stack trace. The exit code stays the scan's.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') return;
      process.exitCode = 2;
    });
  }
}
