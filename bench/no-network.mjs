// Preloaded into the batch under bench/hostile.ts (node --import): every way to open a socket or
// resolve a name records the attempt in $UNBOIL_NET_LOG and fails. Applies to worker threads too.
import { appendFileSync } from 'node:fs';
import { trapNetwork } from '../scripts/trap-network.mjs';

const log = process.env.UNBOIL_NET_LOG;
trapNetwork((label, argument) => {
  if (log) appendFileSync(log, `${label} ${argument}\n`);
});
