/**
 * Settings the `quire` command makes for its whole process before any thread
 * starts: each is read once, as a thread or a native library starts, so a
 * later change would not be seen. The library leaves both alone.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * resvg-js draws with its own allocator (mimalloc), which hands memory back to
 * the system 10 ms after it is freed. Covers come a few ms apart, so each band
 * of the next one came back as fresh pages that the kernel zeroes on first
 * touch: about 600 page faults and 3 ms of system time a work. Kept a second
 * before it goes back, that memory serves the next covers. A value the user
 * set is kept.
 */
export function keepDrawingMemory(env: NodeJS.ProcessEnv): void {
  env.MIMALLOC_PURGE_DELAY ??= '1000';
}

/**
 * A thread's heap starts with room for 64 MB of long-lived objects. From
 * V8's default start, a conversion thread filled its heap's budget every four
 * works or so and marked the whole heap each time (240 full collections for
 * 1,000 works, about 15% of their CPU time), though a finished work leaves
 * almost nothing alive. Only threads started afterwards take it (the
 * conversion and cover threads), not the CLI's own thread, which converts
 * only batches too small to fill the default, or any batch with --jobs 1.
 */
export function roomyHeaps(): void {
  setFlagsFromString('--initial-old-space-size=64');
}
