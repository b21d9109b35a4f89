// `quire inspect` output: the outline with lines and rule names, and the per-line trace.
import { describe, expect, it } from 'vitest';
import { inspect } from '../../src/index.js';
import { inspectionText } from '../../src/cli/inspect.js';
import { storyFile } from '../support/build.js';
import { explain, explainLines, outlineOf, RULE_DOCS } from '../../src/structure/explain.js';
import { parsePlainText } from '../../src/structure/index.js';
import { RULES } from '../../src/structure/rules.js';
import { REGION_RULES } from '../../src/structure/regions.js';

const story = [
  'Title: The Salt Road',
  'A/N: Thanks for reading, everyone!',
  '',
  'Chapter 1: Low Tide',
  '',
  '"The sea remembers."',
  '~ Old Proverb',
  '',
  'The ferry left late.',
  '',
  '* * *',
  '',
  'The island rose out of the fog.',
  '',
  'THE END',
].join('\n');

describe('explain', () => {
  const result = parsePlainText(story, { file: 'salt.txt' });

  it('names every block with its line and the rule that decided it', () => {
    const text = explain(result, 'salt.txt');
    expect(text).toContain('title: "The Salt Road"');
    expect(text).toMatch(/^ {2}2 +author's note \(A\/N\), 1 paragraph: .*\[note-label\]$/m);
    expect(text).toMatch(/^Chapter 1 {2}Chapter 1: Low Tide {2}lines 4-15 {2}\[chapter-number\]$/m);
    expect(text).toMatch(/^ {2}6-7 +epigraph ~ Old Proverb: .*\[epigraph-cite\]$/m);
    expect(text).toMatch(/^ {2}11 +scene break {2}\[scene-break-symbols\]$/m);
    expect(text).toMatch(/^ {2}15 +end mark: THE END {2}\[end-mark\]$/m);
    expect(text).toContain('No doubts.');
  });

  it('lists every non-blank line in the line view', () => {
    const lines = explainLines(result).trimEnd().split('\n');
    expect(lines.map((l) => Number(l.trim().split(/\s+/)[0]))).toEqual([1, 2, 4, 6, 7, 9, 11, 13, 15]);
    expect(lines[0]).not.toContain('salt.txt');
  });

  it('documents every rule the trace can name, and explains the ones it used under the outline', () => {
    for (const r of [...RULES, ...REGION_RULES]) expect(RULE_DOCS.get(r.name)).toBeTruthy();
    for (const t of result.trace) expect(RULE_DOCS.has(t.rule), t.rule).toBe(true);
    const legend = explain(result, 'salt.txt').split('\nRules\n')[1] ?? '';
    expect(legend).toMatch(/^ {2}epigraph-cite +a quotation, then/m);
    expect(legend).not.toContain('lone-title');
  });

  it('gives a JSON-able outline', () => {
    const o = outlineOf(result);
    expect(JSON.parse(JSON.stringify(o))).toEqual(o);
    expect(o.chapters[0]!.blocks.map((b) => b.type)).toEqual(['epigraph', 'p', 'break', 'p', 'end']);
    expect(o.front).toEqual([expect.objectContaining({ type: 'note', label: 'A/N', lines: '2' })]);
  });
});

describe('quire inspect on a story whose metadata is in front matter', () => {
  it('lists the book\'s metadata with where each piece came from, not "none in the text"', async () => {
    const file = await storyFile('---\ntitle: The Salt Road\nauthor: Wren Hollis\n---\n\nChapter 1\n\nThe ferry left the harbour an hour late.\n');
    const text = inspectionText(await inspect(file), file, true);
    expect(text).toContain('title: "The Salt Road"  (front matter)');
    expect(text).toContain('authors: ["Wren Hollis"]  (front matter)');
    expect(text).toContain('language: "en"  (quire\'s default)');
    expect(text).not.toContain('none in the text');
  });
});

describe('quire inspect on a folder work', () => {
  it("names a rule for every chapter and note, and the file each chapter's line numbers count in", async () => {
    const folder = new URL('../../stories/tidewater', import.meta.url).pathname;
    const text = inspectionText(await inspect(folder), folder, false);
    expect(text).not.toContain('[?]');
    expect(text).toMatch(/^Chapter 1 {2}The First Letter {2}chapter-one\.md lines \d+-\d+ {2}\[chapter-file-title\]$/m);
    expect(text).toMatch(/author's note \(Notes\).*\[chapter-file-note\]$/m);
    expect(text).toMatch(/^ {2}chapter-file-title +a folder work's chapter file names its one chapter/m);
  });
});
