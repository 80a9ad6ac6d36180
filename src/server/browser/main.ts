// Language server in a web worker (vscode.dev, github.dev): no Node APIs on this path.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { bundledKnowledge } from '../../shared/bundledKnowledge';
import { startServer } from '../server';

declare const self: unknown;
const reader = new BrowserMessageReader(self as never);
const writer = new BrowserMessageWriter(self as never);
const connection = createConnection(reader, writer);
startServer(connection, {
  loadKnowledge: bundledKnowledge,
  timer: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as number) },
});
