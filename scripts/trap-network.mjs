// Every way Node can open a socket or resolve a name, replaced by a trap that reports the attempt
// and refuses it. One list for the no-network test (test/hostile/network.test.ts) and the hostile
// benchmark's preload (bench/no-network.mjs), so both watch the same doors.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

const ENTRY_POINTS = [
  [net.Socket.prototype, 'connect', 'net.Socket.connect'],
  [net, 'connect', 'net.connect'],
  [net, 'createConnection', 'net.createConnection'],
  [tls, 'connect', 'tls.connect'],
  [dns, 'lookup', 'dns.lookup'],
  [dns, 'resolve', 'dns.resolve'],
  [dns.promises, 'lookup', 'dns.promises.lookup'],
  [dns.promises, 'resolve', 'dns.promises.resolve'],
  [http, 'request', 'http.request'],
  [http, 'get', 'http.get'],
  [https, 'request', 'https.request'],
  [https, 'get', 'https.get'],
  [globalThis, 'fetch', 'fetch'],
];

/**
 * Trap every entry point: `onAttempt(label, firstArgument)` is called, then the call throws.
 * Returns a function that puts the originals back.
 * @param {(label: string, argument: string) => void} onAttempt
 * @returns {() => void}
 */
export function trapNetwork(onAttempt) {
  const originals = ENTRY_POINTS.map(([target, key]) => target[key]);
  for (const [target, key, label] of ENTRY_POINTS) {
    target[key] = function (...args) {
      onAttempt(label, String(args[0]).slice(0, 80));
      throw new Error(`network access attempted: ${label}`);
    };
  }
  return () => ENTRY_POINTS.forEach(([target, key], i) => (target[key] = originals[i]));
}
