// The built language server with the inputs and clients the hostile probe used (probe M5, L8, L9, L13):
// an editor that sends no file events, a client without workspace folders, a broken header, a request
// after shutdown.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, LogMessageParams, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import { ROOT } from '../unit/helpers';

const SERVER = join(ROOT, 'dist', 'server', 'node.js');

interface Session {
  server: ChildProcessWithoutNullStreams;
  connection: MessageConnection;
  published: PublishDiagnosticsParams[];
  logs: LogMessageParams[];
  exited: Promise<number | null>;
  stderr: () => string;
}

async function start(rootUri: string | null, capabilities: object): Promise<Session> {
  const server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
  let stderr = '';
  server.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const logs: LogMessageParams[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void published.push(p));
  connection.onNotification('window/logMessage', (p: LogMessageParams) => void logs.push(p));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onError(() => undefined);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri, capabilities });
  await connection.sendNotification('initialized', {});
  return { server, connection, published, logs, exited, stderr: () => stderr };
}

async function stop(session: Session): Promise<void> {
  if (session.server.exitCode === null) {
    await session.connection.sendRequest('shutdown');
    await session.connection.sendNotification('exit');
  }
  await session.exited;
  session.connection.dispose();
}

/** Waits for the next diagnostics of `uri` after `seen` publications (a state, not a time, is waited for). */
async function diagnosticsFor(session: Session, uri: string, seen = 0): Promise<Diagnostic[]> {
  for (let i = 0; i < 1000; i++) {
    const hits = session.published.filter((p) => p.uri === uri);
    if (hits.length > seen) return hits.at(-1)!.diagnostics;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no diagnostics for ${uri}`);
}

const EDITOR_CAPS = { workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } }, textDocument: {} };
const QUOTE = 'Manufacturer,Part,Qty\nHikvision,DS-2CD2143G2-IU,4\nCisco,C9300-48P,1\n';

describe('language server: stale policy, odd clients, broken framing', () => {
  for (const scenario of ['created after the first read', 'edited after the first read'] as const) {
    it(`M5: the "Accept with review note" edit fits the policy file as it is on disk, ${scenario}, without file events`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'vendorlens-stale-'));
      const policyPath = join(dir, '.vendorlens.yaml');
      if (scenario === 'edited after the first read') writeFileSync(policyPath, 'schemaVersion: 1\nprofiles: [cz]\n');
      writeFileSync(join(dir, 'quote.csv'), QUOTE);
      const root = pathToFileURL(dir).href;
      const uri = `${root}/quote.csv`;
      const session = await start(root, EDITOR_CAPS);
      try {
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'csv', version: 1, text: QUOTE } });
        const [diagnostic] = await diagnosticsFor(session, uri);
        assert.ok(diagnostic, 'the Hikvision finding');
        // Changed by another program: an editor such as Neovim or Helix sends no workspace/didChangeWatchedFiles.
        const external = '# Organisation policy, maintained by the security team\n# do not edit by hand\nschemaVersion: 1\nprofiles: [cz, eu-5g]\nseverity:\n  vendors: { hikvision: warning }\n';
        writeFileSync(policyPath, external);
        const actions = (await session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
        const accept = actions.find((a) => /accept/i.test(a.title) && a.edit);
        assert.ok(accept, actions.map((a) => a.title).join(', '));
        const edits: TextEdit[] = accept.edit!.changes
          ? Object.values(accept.edit!.changes)[0]!
          : (accept.edit!.documentChanges ?? []).flatMap((c) => ('edits' in c ? c.edits.filter((e): e is TextEdit => 'newText' in e) : []));
        const applied = TextDocument.applyEdits(TextDocument.create('x', 'yaml', 1, readFileSync(policyPath, 'utf8')), edits);
        assert.ok(applied.startsWith(external), `the file's own lines stay together, in order:\n${applied}`);
        assert.equal(applied.match(/^schemaVersion:/gm)?.length, 1, applied);
        const policy = parse(applied);
        assert.deepEqual(policy.profiles, ['cz', 'eu-5g']);
        assert.equal(policy.acceptances.length, 1);
        assert.equal(policy.acceptances[0].vendor, 'hikvision');
      } finally {
        await stop(session);
      }
    });
  }

  it('L9: a client without the workspace-folders capability starts without an error', async () => {
    const session = await start(null, { workspace: { configuration: true }, textDocument: {} });
    try {
      // Messages are handled in order: once this answer is in, any error from 'initialized' would be too.
      await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere.cfg' }, position: { line: 0, character: 0 } });
      assert.deepEqual(session.logs.filter((l) => l.type === 1).map((l) => l.message), []);
    } finally {
      await stop(session);
    }
  });

  it('L13: a request after shutdown is an InvalidRequest error, not an empty answer', async () => {
    const session = await start(null, { workspace: { configuration: true }, textDocument: {} });
    await session.connection.sendRequest('shutdown');
    await assert.rejects(
      session.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///a.cfg' }, position: { line: 0, character: 0 } }),
      (e: unknown) => e instanceof ResponseError && e.code === -32600,
    );
    await session.connection.sendNotification('exit');
    assert.equal(await session.exited, 0);
    session.connection.dispose();
  });

  for (const length of ['abc', '-5', '99999999999999']) {
    it(`L8: a Content-Length of ${length} ends the server with a message, instead of a silent stall`, async () => {
      const session = await start(null, { workspace: { configuration: true }, textDocument: {} });
      session.server.stdin.write(`Content-Length: ${length}\r\n\r\n{}`);
      assert.equal(await session.exited, 1);
      assert.match(session.stderr(), /invalid Content-Length/);
      session.connection.dispose();
    });
  }

  it('L8: a message split anywhere, even inside its header, still gets through the framing check', async () => {
    const session = await start(null, { workspace: { configuration: true }, textDocument: {} });
    try {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 99, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///a.cfg' }, position: { line: 0, character: 0 } } });
      const message = Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      const answered = new Promise<void>((resolve) => {
        session.server.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('"id":99')) resolve();
        });
      });
      for (const cut of [3, 17, 19, 40]) session.server.stdin.write(message.subarray(cut === 3 ? 0 : [3, 17, 19][[17, 19, 40].indexOf(cut)]!, cut));
      session.server.stdin.write(message.subarray(40));
      await answered;
    } finally {
      await stop(session);
    }
  });
});
