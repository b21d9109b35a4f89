#!/usr/bin/env node
/**
 * `npm run fuzz`: FUZZ_RUNS cases (default 10,000) from FUZZ_SEED, run as
 * chunks of 1,000 in fresh processes. One long process grows past any
 * machine's memory by its tenth thousand (the npm EPUBCheck port keeps a
 * little of every book it checks). Chunk k runs seed FUZZ_SEED + k × 1,000,003,
 * so the first thousand cases are those of `FUZZ_SEED=s FUZZ_RUNS=1000`, and
 * a failure names the seed that repeats it.
 */
import { spawnSync } from 'node:child_process';

const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? 20261121);
const CHUNK = 1000;
const STRIDE = 1_000_003;
const totals = { cases: 0, built: 0, checked: 0, refused: 0 };
const started = Date.now();

for (let k = 0, left = runs; left > 0; k++, left -= CHUNK) {
  const env = { ...process.env, FUZZ_RUNS: String(Math.min(CHUNK, left)), FUZZ_SEED: String(seed + k * STRIDE) };
  const run = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.fuzz.config.ts'], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const out = run.stdout + run.stderr;
  const m = /fuzz: (\d+) cases .*?; (\d+) built \((\d+) with story words checked\), (\d+) refused/.exec(out);
  if (run.status !== 0 || !m) {
    process.stdout.write(out);
    console.error(`fuzz: failed in the chunk of seed ${env.FUZZ_SEED} (FUZZ_SEED=${env.FUZZ_SEED} FUZZ_RUNS=${env.FUZZ_RUNS} repeats it)`);
    process.exit(1);
  }
  totals.cases += Number(m[1]);
  totals.built += Number(m[2]);
  totals.checked += Number(m[3]);
  totals.refused += Number(m[4]);
  console.log(`chunk ${k + 1}: seed ${env.FUZZ_SEED}, ${m[0]}`);
}
console.log(
  `fuzz: seed ${seed}, ${totals.cases} cases in ${((Date.now() - started) / 1000).toFixed(0)} s; ${totals.built} built (${totals.checked} with story words checked), ${totals.refused} refused; no problem found`,
);
