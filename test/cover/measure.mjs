// Not a test: what a generated cover costs. `npm run build`, then
//   node test/cover/measure.mjs [dist folder] [covers]
// prints the first cover's CPU in a fresh process (module loading included)
// and the warm CPU per cover over varied titles, with a hash of all the bytes.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = path.resolve(process.argv[2] ?? 'dist');
const n = Number(process.argv[3] ?? 50);
const cpu = (u) => (u.user + u.system) / 1000;
const words = [
  'Salt',
  'Road',
  'The',
  'Winter',
  'of',
  'Lanterns',
  'Glass',
  'Harbour',
  'A',
  'Quiet',
  'Machine',
  'Orchard',
  'Seventeen',
  'Nights',
  'Under',
  'Copper',
  'Sky',
  'Letters',
  'From',
  'Nowhere',
];
const title = (i) => `${Array.from({ length: 1 + (i % 7) }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ')} ${i}`;
const info = (i) => ({
  title: title(i),
  authors: [`Author ${i}`],
  ...(i % 3 === 0 ? { subtitle: 'A story' } : {}),
  ...(i % 4 === 0 ? { series: { name: 'Tales', position: i } } : {}),
});

const start = process.cpuUsage();
const wall0 = performance.now();
const { generateCover } = await import(pathToFileURL(path.join(dist, 'cover', 'index.js')).href);
const first = await generateCover(info(0));
console.log(`first cover: ${cpu(process.cpuUsage(start)).toFixed(0)} ms CPU, ${(performance.now() - wall0).toFixed(0)} ms wall, ${first.data.length} B`);

for (let i = 1; i <= 5; i++) await generateCover(info(i));
const warm = process.cpuUsage();
const wall1 = performance.now();
const hash = createHash('sha256');
let bytes = 0;
for (let i = 100; i < 100 + n; i++) {
  const c = await generateCover(info(i));
  bytes += c.data.length;
  hash.update(c.data);
}
console.log(
  `warm: ${(cpu(process.cpuUsage(warm)) / n).toFixed(1)} ms CPU/cover, ${((performance.now() - wall1) / n).toFixed(1)} ms wall/cover, ` +
    `${(bytes / n / 1024).toFixed(0)} KB average, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB, sha256 ${hash.digest('hex').slice(0, 12)}`,
);
