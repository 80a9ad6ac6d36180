// Preloaded with --require into a VendorLens process under test: every network entry point of Node
// throws, and each attempt is appended to the file named by VENDORLENS_NETWORK_LOG, so a test can
// show that a whole scan or language-server session touched none of them.
'use strict';
const fs = require('node:fs');

const logFile = process.env.VENDORLENS_NETWORK_LOG;
// The test checks this line to know the trap was really in place.
if (logFile) fs.appendFileSync(logFile, `# trap loaded in ${process.pid}\n`);

function trap(owner, name, label, always = false) {
  if (typeof owner[name] !== 'function' && !always) return;
  owner[name] = function trappedNetworkCall() {
    const entry = `${label}(${[...arguments].map((a) => (typeof a === 'string' || typeof a === 'number' ? JSON.stringify(a) : typeof a)).join(', ')})`;
    if (logFile) fs.appendFileSync(logFile, `${entry}\n`);
    throw new Error(`network access blocked by the test: ${entry}`);
  };
}

const net = require('node:net');
for (const name of ['connect', 'createConnection', 'createServer']) trap(net, name, `net.${name}`);
trap(net.Socket.prototype, 'connect', 'net.Socket#connect');
trap(net.Server.prototype, 'listen', 'net.Server#listen');
const tls = require('node:tls');
for (const name of ['connect', 'createServer']) trap(tls, name, `tls.${name}`);
const dns = require('node:dns');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveTxt', 'reverse']) {
  trap(dns, name, `dns.${name}`);
  trap(dns.promises, name, `dns.promises.${name}`);
}
trap(dns.Resolver.prototype, 'resolve', 'dns.Resolver#resolve');
for (const mod of ['http', 'https']) {
  const m = require(`node:${mod}`);
  for (const name of ['request', 'get', 'createServer']) trap(m, name, `${mod}.${name}`);
}
const http2 = require('node:http2');
for (const name of ['connect', 'createServer', 'createSecureServer']) trap(http2, name, `http2.${name}`);
const dgram = require('node:dgram');
trap(dgram, 'createSocket', 'dgram.createSocket');
// Installed even where this Node has no such global, so that feature detection finds a trap, not nothing.
for (const name of ['fetch', 'WebSocket', 'EventSource']) trap(globalThis, name, `globalThis.${name}`, true);
