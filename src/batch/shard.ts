import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Shard } from './types.js';

/** `2/5` → `{ index: 2, count: 5 }`; undefined when the text is not a shard. */
export function parseShard(text: string): Shard | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * The work's path relative to the folder it was found in, with `/`: the same on
 * every CI machine and checkout, unlike absolute paths or list positions.
 */
export function shardKey(work: { path: string; root: string }): string {
  return path.relative(work.root, work.path).split(path.sep).join('/');
}

/**
 * Which shard a work belongs to, from a hash of its relative path: adding or
 * removing a story moves no other story between shards.
 */
export function shardOf(key: string, count: number): number {
  const digest = createHash('sha256').update(key).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export const inShard = (work: { path: string; root: string }, shard: Shard | undefined): boolean => !shard || shardOf(shardKey(work), shard.count) === shard.index;
