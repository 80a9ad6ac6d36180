// Language server for Node: started by the VS Code client over IPC, or by any editor with --stdio.
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { bundledKnowledge } from '../../shared/bundledKnowledge';
import { readRegularFile } from '../../shared/readRegularFile';
import { startServer } from '../server';
import { FramingGuard } from './framing';

/** Over stdio, the input's framing is checked first (framing.ts): a broken header ends the server with a message, never a silent stall. */
function stdioConnection(): Connection {
  const input = process.stdin.pipe(new FramingGuard());
  input.on('error', (e) => {
    process.stderr.write(`VendorLens language server: the client sent ${e.message}; the message stream cannot be read further, exiting.\n`);
    process.exit(1);
  });
  return createConnection(ProposedFeatures.all, input, process.stdout);
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
// Standard output carries the protocol: nothing may print to it.
console.log = connection.console.log.bind(connection.console);
console.info = connection.console.info.bind(connection.console);
console.debug = connection.console.log.bind(connection.console);
console.warn = connection.console.warn.bind(connection.console);
console.error = connection.console.error.bind(connection.console);
startServer(connection, {
  loadKnowledge: bundledKnowledge,
  // Only the workspace's own policy file is read, and only from the local file system (never a FIFO).
  readFile: (uri) => readRegularFile(fileURLToPath(uri)).catch(() => undefined),
  timer: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
});
