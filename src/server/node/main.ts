// Language server for Node: started by the VS Code client over IPC, or by any editor with --stdio.
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { bundledKnowledge } from '../../shared/bundledKnowledge';
import { readRegularFile } from '../../shared/readRegularFile';
import { startServer } from '../server';
import { FramingGuard } from './framing';

declare const VENDORLENS_VERSION: string;

const LSP_USAGE = `Usage: vendorlens-lsp --stdio | --node-ipc

The VendorLens language server (Language Server Protocol): findings of government-flagged
vendors in network configs, captures and bills of materials, as diagnostics, for any editor.
  --stdio           talk over standard input and output
  --node-ipc        talk over Node's IPC channel (as the VS Code extension starts it)
  -h, --help        show this help
  -V, --version     show the version
`;

// Answered before any connection is made: a connection would take over standard output.
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(LSP_USAGE);
  process.exit(0);
}
if (args.includes('--version') || args.includes('-V')) {
  process.stdout.write(`${VENDORLENS_VERSION}\n`);
  process.exit(0);
}

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
