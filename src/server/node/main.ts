// Language server for Node: started by the VS Code client over IPC, or by any editor with --stdio.
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { bundledKnowledge } from '../../shared/bundledKnowledge';
import { readRegularFile } from '../../shared/readRegularFile';
import { startServer } from '../server';

const connection = createConnection(ProposedFeatures.all);
console.log = connection.console.log.bind(connection.console);
console.error = connection.console.error.bind(connection.console);
startServer(connection, {
  loadKnowledge: bundledKnowledge,
  // Only the workspace's own policy file is read, and only from the local file system (never a FIFO).
  readFile: (uri) => readRegularFile(fileURLToPath(uri)).catch(() => undefined),
  timer: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
});
