// One runner for every plain-text structure fixture: test/fixtures/structure/<case>/
// input.txt (+ optional options.json) → expected.json, the outline of the parse.
// `UPDATE=1 npx vitest run test/structure` writes the goldens; review the diff by eye. A missing
// golden fails the test otherwise.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { outlineOf, RULE_DOCS } from '../../src/structure/explain.js';
import { parsePlainText, type StructureOptions } from '../../src/structure/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'structure');
const cases = readdirSync(root)
  .filter((d) => existsSync(path.join(root, d, 'input.txt')))
  .sort();

interface FixtureOptions {
  notes?: StructureOptions['notes'];
  chapterPattern?: string;
  sceneBreakPattern?: string;
  firstLine?: number;
  givenTitle?: string;
}

function optionsFor(dir: string): StructureOptions & { file: string } {
  const file = path.join(dir, 'options.json');
  const o: StructureOptions & { file: string } = { file: 'input.txt' };
  if (!existsSync(file)) return o;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as FixtureOptions;
  if (raw.notes) o.notes = raw.notes;
  if (raw.firstLine) o.firstLine = raw.firstLine;
  if (raw.givenTitle) o.givenTitle = raw.givenTitle;
  if (raw.chapterPattern) o.chapterPattern = new RegExp(raw.chapterPattern);
  if (raw.sceneBreakPattern) o.sceneBreakPattern = new RegExp(raw.sceneBreakPattern);
  return o;
}

describe('plain-text structure fixtures', () => {
  it('has at least 45 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = path.join(root, name);
      const result = parsePlainText(readFileSync(path.join(dir, 'input.txt'), 'utf8'), optionsFor(dir));
      const outline = outlineOf(result);
      const expectedFile = path.join(dir, 'expected.json');
      if (process.env.UPDATE === '1') writeFileSync(expectedFile, JSON.stringify(outline, null, 2) + '\n');
      // A missing golden fails: writing it here would compare the output with itself.
      expect(existsSync(expectedFile), `${name}/expected.json is missing; run with UPDATE=1 to create it, then review it`).toBe(true);
      expect(outline).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});

describe('invariants over every fixture', () => {
  for (const name of cases) {
    it(`${name}: every non-blank line is traced, nothing is lost`, () => {
      const dir = path.join(root, name);
      const text = readFileSync(path.join(dir, 'input.txt'), 'utf8');
      const options = optionsFor(dir);
      const result = parsePlainText(text, options);
      const first = options.firstLine ?? 1;
      const nonBlank = text.split('\n').flatMap((l, i) => (l.trim() === '' ? [] : [i + first]));
      const traced = new Set(result.trace.map((t) => t.line));
      for (const t of result.trace) expect(RULE_DOCS.has(t.rule), `rule ${t.rule} has a doc for inspect`).toBe(true);
      for (const n of nonBlank) expect(traced.has(n), `line ${n} traced`).toBe(true);
      expect(result.chapters.length).toBeGreaterThanOrEqual(1);
      for (const c of result.chapters) {
        for (const list of [c.blocks, ...c.sections.map((s) => s.blocks)]) {
          expect(list[0]?.type).not.toBe('sceneBreak');
          expect(list[list.length - 1]?.type).not.toBe('sceneBreak');
        }
      }
    });
  }
});
