// Preloaded into the batch under bench/hostile.ts (node --import): every way to open a socket or
// resolve a name records the attempt in $UNBOIL_NET_LOG and fails. Applies to worker threads too.
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

const log = process.env.UNBOIL_NET_LOG;
function trap(target, key, label) {
  target[key] = function (...args) {
    if (log) appendFileSync(log, `${label} ${String(args[0]).slice(0, 80)}\n`);
    throw new Error(`network access attempted: ${label}`);
  };
}
trap(net.Socket.prototype, 'connect', 'net.Socket.connect');
trap(net, 'connect', 'net.connect');
trap(net, 'createConnection', 'net.createConnection');
trap(tls, 'connect', 'tls.connect');
trap(dns, 'lookup', 'dns.lookup');
trap(dns, 'resolve', 'dns.resolve');
trap(dns.promises, 'lookup', 'dns.promises.lookup');
trap(dns.promises, 'resolve', 'dns.promises.resolve');
trap(http, 'request', 'http.request');
trap(http, 'get', 'http.get');
trap(https, 'request', 'https.request');
trap(https, 'get', 'https.get');
trap(globalThis, 'fetch', 'fetch');
