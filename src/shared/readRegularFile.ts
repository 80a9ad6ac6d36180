// Reads a file that must be a regular file, for Node hosts (CLI, language server). Opened without
// blocking and checked with fstat before any read: a FIFO (or device) put where a policy file or
// .gitignore is expected would otherwise block the reader for ever.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(path: string) {
    super(`${path} is not a regular file`);
  }
}

export function readRegularFileSync(path: string): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw new NotRegularFileError(path);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** The same as a promise (the read itself is synchronous: policy files and .gitignore files are small). */
export async function readRegularFile(path: string): Promise<string> {
  return readRegularFileSync(path);
}
