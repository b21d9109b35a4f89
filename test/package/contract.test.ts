import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFile, corpusDir, outline, unzipText, type Outline } from '../support/build.js';
import type { ConvertedWork } from '../../src/index.js';

describe('an EPUB of chapter-twenty-seven.txt follows the markup contract', () => {
  let built: ConvertedWork;
  let files: Map<string, string>;
  let o: Outline;
  beforeAll(async () => {
    built = await buildFile(path.join(corpusDir, 'chapter-twenty-seven.txt'));
    files = unzipText(built.epub);
    o = await outline(built.epub);
  });

  it('is an EPUB 3 with mimetype first and stored, and an NCX beside the nav', () => {
    expect(o.mimetypeOk).toBe(true);
    expect(o.version).toBe('3.0');
    expect(o.hasNcx).toBe(true);
  });

  it('starts every XHTML file with the XML declaration and xml:lang equal to dc:language', () => {
    const xhtml = [...files].filter(([name]) => name.endsWith('.xhtml'));
    expect(xhtml.length).toBeGreaterThanOrEqual(3);
    for (const [name, body] of xhtml) {
      expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>'), name).toBe(true);
      expect(body).toContain(`xml:lang="${o.language[0]}"`);
    }
    expect(o.language).toEqual(['en']);
  });

  it('has a stable urn:uuid identifier and a modified date that is not the clock', () => {
    expect(o.identifier[0]).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(files.get('OEBPS/content.opf')).toContain('<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>');
  });

  it('puts the cover first, with cover-image and meta cover, and a cover landmark', () => {
    expect(o.docs[0]?.href).toBe('cover.xhtml');
    expect(o.cover).toMatchObject({ type: 'image/png' });
    expect(o.cover?.bytes).toBeGreaterThan(10_000);
    expect(files.get('OEBPS/content.opf')).toContain('<meta name="cover" content="cover-image"/>');
    expect(o.landmarks[0]).toBe('cover');
  });

  it('puts the title page after the cover and each chapter in its own section with an h2', () => {
    expect(o.docs[1]?.epubTypes).toContain('titlepage');
    const chapters = o.docs.filter((d) => d.epubTypes.includes('chapter'));
    expect(chapters.length).toBeGreaterThanOrEqual(1);
    for (const c of chapters) {
      expect(c.rawBody).toMatch(/<section id="[^"]+" epub:type="chapter">\s*<h2>/);
    }
  });

  it('has a toc nav listing the chapters and a landmarks nav', () => {
    expect(o.toc.map((t) => t.title)).toContain('Chapter Twenty Seven');
    expect(o.landmarks).toEqual(expect.arrayContaining(['titlepage', 'bodymatter']));
  });

  it('never prints one paragraph per wrapped line or loses paragraphs', () => {
    const story = o.docs.filter((d) => d.epubTypes.includes('chapter'));
    const paragraphs = story.reduce((n, d) => n + d.storyParagraphs, 0);
    // The README counts 7 + 64 + 116 paragraphs in the three scenes.
    expect(paragraphs).toBe(187);
  });
});
