import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFile, storyFile, unzipText } from '../support/build.js';
import { validateEpub } from '../support/epubcheck.js';

const STORY = `---
title: Front Title
author: Front Author
language: de
rating: Teen
tags: [front-tag]
---

Title: Detected Title
Author: Detected Author
Summary: Detected summary.
Rating: Mature
Pairing: A/B

Chapter 1

Words of the story.
`;

async function build(sidecar?: string, flags: Parameters<typeof buildFile>[1] = {}) {
  const file = await storyFile(STORY, 'tale.txt');
  if (sidecar) await writeFile(path.join(path.dirname(file), 'tale.yaml'), sidecar);
  const built = await buildFile(file, flags);
  expect(await validateEpub(built.epub)).toEqual([]);
  const files = unzipText(built.epub);
  return { built, opf: files.get('OEBPS/content.opf') ?? '', title: files.get('OEBPS/titlepage.xhtml') ?? '' };
}

describe('metadata precedence: detection < front matter < sidecar < flags', () => {
  it('front matter wins over detection, field by field', async () => {
    const { opf, title } = await build();
    expect(opf).toContain('<dc:title id="title">Front Title</dc:title>');
    expect(opf).toContain('>Front Author</dc:creator>');
    expect(opf).toContain('<dc:language>de</dc:language>');
    // Detected fields the front matter does not set survive.
    expect(opf).toContain('<dc:description>Detected summary.</dc:description>');
    expect(opf).toContain('<dc:subject>front-tag</dc:subject>');
    // The book is German, so its title page names its facts in German.
    expect(title).toContain('<dt>Altersfreigabe</dt>\n<dd>Teen</dd>');
  });

  it("says when the story's own title or author line lost, naming the line", async () => {
    const { built } = await build();
    const lost = built.diagnostics.filter((d) => d.code === 'detected-meta-overridden').map((d) => [d.severity, d.line, d.message]);
    expect(lost).toEqual([
      ['info', 9, 'the story\'s title line says "Detected Title"; "Front Title" from front matter, a sidecar or a flag is used instead'],
      ['info', 10, 'the story\'s author line says "Detected Author"; "Front Author" from front matter, a sidecar or a flag is used instead'],
    ]);
    // Agreeing layers say nothing.
    const same = await buildFile(await storyFile('---\ntitle: Same\n---\n\nTitle: Same\n\nChapter 1\n\nWords.\n', 'same.txt'));
    expect(same.diagnostics.filter((d) => d.code === 'detected-meta-overridden')).toEqual([]);
  });

  it('a sidecar wins over front matter', async () => {
    const { opf } = await build('title: Sidecar Title\nseries:\n  name: The Cycle\n  position: 3\n');
    expect(opf).toContain('<dc:title id="title">Sidecar Title</dc:title>');
    expect(opf).toContain('>Front Author</dc:creator>');
    expect(opf).toContain('<meta property="belongs-to-collection" id="series">The Cycle</meta>');
    expect(opf).toContain('<meta refines="#series" property="group-position">3</meta>');
    expect(opf).toContain('<meta name="calibre:series" content="The Cycle"/>');
    expect(opf).toContain('<meta name="calibre:series_index" content="3"/>');
  });

  it('flags win over everything', async () => {
    const { opf } = await build('title: Sidecar Title\n', { meta: { title: 'Flag Title', language: 'pt-BR' } });
    expect(opf).toContain('<dc:title id="title">Flag Title</dc:title>');
    expect(opf).toContain('<dc:language>pt-BR</dc:language>');
  });

  it('keeps the identifier stable across builds and changes it with the title', async () => {
    const a = await build();
    const b = await build();
    const c = await build('title: Another\n');
    expect(a.built.identifier).toBe(b.built.identifier);
    expect(c.built.identifier).not.toBe(a.built.identifier);
  });

  it('replaces an invalid language with en and says so', async () => {
    const { opf, built } = await build('language: not a language!\n');
    expect(opf).toContain('<dc:language>en</dc:language>');
    expect(built.diagnostics.some((d) => d.code === 'bad-language')).toBe(true);
  });
});
