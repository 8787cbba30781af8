import { createHash } from 'node:crypto';

/** One shard of N: inputs whose path hash falls in it (K counts from 1, as Jest and Playwright do). */
export interface Shard {
  index: number;
  count: number;
}

/** Parse `K/N` (1 <= K <= N); null when the text is not one. */
export function parseShard(text: string): Shard | null {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) return null;
  return { index, count };
}

/**
 * Whether an input belongs to a shard. The hash is of the mirrored relative path (the same on
 * every machine whatever the mount point), so shards are disjoint and together cover every input.
 */
export function inShard(rel: string, shard: Shard): boolean {
  const digest = createHash('sha256').update(rel).digest();
  return digest.readUInt32BE(0) % shard.count === shard.index - 1;
}
