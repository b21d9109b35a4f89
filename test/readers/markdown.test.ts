import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCountingServer } from '../support/server.js';
import { inlineText } from '../../src/model.js';
import { buildValid, entries, expectNothingActive, PNG, tree } from './support.js';

describe('Markdown', () => {
  const server = useCountingServer();

  const story = (remote: string) => `---
title: The Glass Orchard
author: Test Author
tags: [orchards, glass]
---

# The Glass Orchard

## Planting

The first tree was *glass* and the second was **frost**.[^seed] Nobody asked why.

![the orchard at dawn](pics/orchard.png)

![a remote tree](${remote}/tree.png)

* * *

She wrote to [the guild](https://example.org/guild) and to [nobody](javascript:alert(1)).

<div onclick="steal()" style="background:url(https://tracker.invalid/x.png)"><p>A note pinned to the gate.</p><script>window.stolen = document.cookie;</script></div>

The gardener <span onmouseover="grab()">smiled</span><script>alert('inline')</script> and went on.[^seed]

### Pruning

> Cut what is dead,
> keep what is cold.

1. shears
2. twine

## Harvest

Glass apples ring when they fall.[^ring]

---

The end of the season.

[^seed]: Seeds of glass are sold by the ounce.
[^ring]: Like a small bell, *always* slightly flat.
`;

  it('reads title, chapters, sections, breaks, footnotes and images, and fetches nothing', async () => {
    const dir = await tree({ 'glass.md': story(server.base), 'pics/orchard.png': PNG });
    const work = await buildValid(path.join(dir, 'glass.md'));
    expect(server.requests).toBe(0);
    const { book } = work;
    expect(book.meta.title).toBe('The Glass Orchard');
    expect(book.meta.tags).toEqual(['orchards', 'glass']);
    expect(book.chapters.map((c) => inlineText(c.title))).toEqual(['Planting', 'Harvest']);
    expect(book.chapters[0]!.sections.map((s) => inlineText(s.title))).toEqual(['Pruning']);
    expect(book.chapters[1]!.blocks.map((b) => b.type)).toEqual(['paragraph', 'sceneBreak', 'paragraph']);
    expect(book.notes.map((n) => n.label)).toEqual(['1', '2']);
    const warning = work.diagnostics.find((d) => d.code === 'remote-image');
    expect(warning?.message).toContain(`${server.base}/tree.png`);
    expect(warning?.line).toBe(15);

    const files = new Map(entries(work.epub));
    const ch1 = files.get('OEBPS/chapter-001.xhtml')!;
    expect(ch1).toContain('<img src="images/image-1.png" alt="the orchard at dawn"/>');
    expect(files.has('OEBPS/images/image-1.png')).toBe(true);
    expect(ch1).not.toContain('tree.png');
    expect(ch1).toContain('<a href="https://example.org/guild">the guild</a>');
    expect(ch1).toContain('A note pinned to the gate.');
    expect(ch1).toContain('smiled');
    // The same note cited twice in one chapter: two references, unique ids.
    expect(ch1).toContain('id="ref-seed"');
    expect(ch1).toContain('id="ref-seed-2"');
    const notes = files.get('OEBPS/notes.xhtml')!;
    expect(notes).toContain('href="chapter-001.xhtml#ref-seed"');
    expect(notes).toContain('href="chapter-002.xhtml#ref-ring"');
    expectNothingActive(work.epub, ['steal()', 'document.cookie', 'alert', 'grab()', 'tracker.invalid']);
  });

  it('takes # as chapters when there are several, and obeys chapter-level', async () => {
    const dir = await tree({
      'several.md': '# One\n\nFirst.\n\n# Two\n\nSecond.\n\n## A part\n\nThird.\n',
      'level.md': '---\ntitle: Levels\nchapter-level: 3\n---\n\n## Book One\n\n### Arrival\n\nText.\n\n### Departure\n\nMore.\n',
    });
    const several = await buildValid(path.join(dir, 'several.md'));
    expect(several.book.meta.title).toBe('Several');
    expect(several.book.chapters.map((c) => inlineText(c.title))).toEqual(['One', 'Two']);
    expect(several.book.chapters[1]!.sections.map((s) => inlineText(s.title))).toEqual(['A part']);
    const level = await buildValid(path.join(dir, 'level.md'));
    expect(level.book.meta.title).toBe('Levels');
    // `## Book One` names a part by its words: the chapters at level 3 sit inside it.
    expect(level.book.chapters.map((c) => [inlineText(c.title), Boolean(c.part)])).toEqual([
      ['Book One', true],
      ['Arrival', false],
      ['Departure', false],
    ]);
  });

  it('never packs an image from outside the story folder', async () => {
    const outside = await tree({ 'secret.png': PNG });
    const dir = await tree({ 'leak.md': `# Leak\n\n![x](${path.join(outside, 'secret.png')})\n\n![y](../../../etc/passwd)\n\nText.\n` });
    const work = await buildValid(path.join(dir, 'leak.md'));
    expect(work.diagnostics.filter((d) => d.code === 'image-skipped')).toHaveLength(2);
    expect(entries(work.epub).some(([n]) => n.includes('images/'))).toBe(false);
  });
});
