// File-system helpers shared by the CLI's modules: I/O errors as short messages, and reading the
// files named by options (--baseline, --policy) with an error that names the option.
import { readRegularFile } from '../shared/readRegularFile';
import { UsageError } from './args';

export function describeIoError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTREG':
      return 'not a regular file';
    default:
      return err.message ?? String(e);
  }
}

/** The text of a file an option names; a failure is a usage error naming the option. */
export async function readOptionFile(option: string, path: string): Promise<string> {
  try {
    return await readRegularFile(path);
  } catch (e) {
    throw new UsageError(`cannot read ${option} ${path}: ${describeIoError(e)}`);
  }
}
