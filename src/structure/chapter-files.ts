import type { Block, Chapter } from '../model.js';
import { inlineText, text } from '../model.js';
import { Diagnostics } from '../diagnostics.js';
import { paragraphsOf, readYamlMeta, type DetectionOverrides } from '../metadata/metadata.js';
import type { SourceFile } from '../read/source.js';
import { storyText } from '../readers/index.js';
import { MARKUP_LAYOUT } from '../readers/items.js';
import { parseStory, type ParseResult } from './index.js';

/** What a chapter file's own front matter says of its chapter. */
interface ChapterYaml {
  title?: string;
  start: Block[];
  end: Block[];
  overrides: DetectionOverrides;
}

const NOTE_KEYS: Record<string, { label: string; where: 'start' | 'end' }> = {
  summary: { label: 'Summary', where: 'start' },
  notes: { label: 'Notes', where: 'start' },
  note: { label: 'Notes', where: 'start' },
  'author-note': { label: "Author's Note", where: 'start' },
  'end-notes': { label: 'End Notes', where: 'end' },
  'end-note': { label: 'End Notes', where: 'end' },
};

function chapterYaml(data: Record<string, unknown>, file: string, diags: Diagnostics): ChapterYaml {
  const out: ChapterYaml = { start: [], end: [], overrides: {} };
  const rest: Record<string, unknown> = {};
  for (const [rawKey, value] of Object.entries(data)) {
    const key = rawKey.toLowerCase().replace(/[\s_]+/g, '-');
    const s = value === null || value === undefined ? '' : String(value).trim();
    const note = NOTE_KEYS[key];
    if (key === 'title' || key === 'chapter' || key === 'chapter-title') {
      if (s) out.title = s;
    } else if (note && !(key === 'notes' && ['keep', 'separate', 'drop'].includes(s))) {
      const span = { file, start: 1, end: 1 };
      const children: Block[] = paragraphsOf(s).map((p) => ({ type: 'paragraph', children: p, span }));
      if (children.length) out[note.where].push({ type: 'authorNote', label: note.label, children, span });
    } else rest[rawKey] = value;
  }
  const { meta, overrides } = readYamlMeta(rest, diags);
  out.overrides = overrides;
  for (const key of Object.keys(meta)) diags.info('chapter-meta-ignored', `"${key}" in a chapter file is ignored; set it in the folder's book.yaml`);
  return out;
}

/**
 * A folder work's chapter files, each read by its own format, as one run of
 * chapters. A file's own title (front matter, a lone top heading, a site's
 * title) names its one chapter; its notes open and close that chapter; note
 * ids are prefixed per file so they never collide.
 */
export async function readFolder(files: readonly SourceFile[], detection: DetectionOverrides & { languages?: readonly string[] }, diags: Diagnostics): Promise<ParseResult> {
  const result: ParseResult = { meta: {}, imprint: [], front: [], chapters: [], back: [], notes: [], trace: [], rules: new Map(), regions: [], diagnostics: [], layout: MARKUP_LAYOUT };
  for (const [i, file] of files.entries()) {
    const story = await storyText(file);
    const fileDiags = new Diagnostics(file.path);
    const own = chapterYaml(story.data, file.path, fileDiags);
    const parsed = await parseStory({ text: story.body, file: file.path, firstLine: story.firstLine, idPrefix: `f${i + 1}-` }, { ...detection, ...own.overrides, titleFromHeading: true });
    if (i === 0) result.layout = parsed.layout;
    for (const [k, v] of parsed.rules) result.rules.set(k, v);
    result.regions.push(...parsed.regions);
    const chapters: Chapter[] = parsed.chapters;
    const name = own.title ?? parsed.meta.title;
    const [first] = chapters;
    if (chapters.length === 1 && first && name && !inlineText(first.title).trim()) {
      first.title = [text(name)];
      result.rules.set(first, 'chapter-file-title');
    }
    for (const note of [...own.start, ...own.end]) result.rules.set(note, 'chapter-file-note');
    if (first) first.blocks.unshift(...own.start, ...parsed.front);
    const last = chapters.at(-1);
    if (last) (last.sections.at(-1)?.blocks ?? last.blocks).push(...parsed.back, ...own.end);
    result.chapters.push(...chapters);
    result.notes.push(...parsed.notes);
    result.trace.push(...parsed.trace);
    diags.list.push(...story.diagnostics, ...fileDiags.list, ...parsed.diagnostics);
  }
  return result;
}
