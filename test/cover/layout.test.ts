import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { TEXT_INSET, layoutCover, missingGlyphs } from '../../src/cover/design.js';
import { COVER_HEIGHT, COVER_MARGIN, COVER_WIDTH, type CoverInfo, generateCover } from '../../src/cover/index.js';
import { shapeText } from '../../src/cover/shape.js';
import { hexRgb, pixels } from './png.js';

const long200 =
  'An Extraordinarily Long Title That Keeps Going Past Any Sensible Length, Because Some Stories ' +
  'Are Posted With Their Whole Summary in the Title Field, and a Cover Still Has to Hold All of It, Somehow!?';

const cases: Record<string, CoverInfo> = {
  'one word': { title: 'Ash', authors: ['R. Amsel'] },
  '200 characters': { title: long200, subtitle: 'With a subtitle that also runs on for a while', authors: ['One', 'Two', 'Three'], series: { name: 'A Series', position: 12 } },
  'one 60-letter word': { title: 'Pneumonoultramicroscopicsilicovolcanoconiosisandthensomemore', authors: ['X'] },
  Cyrillic: { title: 'Преступление и наказание: роман в шести частях с эпилогом', authors: ['Фёдор Достоевский'] },
  Greek: { title: 'Ἡ Ὀδύσσεια καὶ ἄλλα ποιήματα', authors: ['Ὅμηρος'] },
  Chinese: { title: '魔道祖师：乱葬岗的春天与夏天的故事', authors: ['墨香铜臭'], series: { name: '陈情系列', position: 1 } },
  Japanese: { title: '吾輩は猫である、名前はまだ無い', authors: ['夏目漱石'] },
  Arabic: { title: 'ألف ليلة وليلة وحكايات أخرى من الشرق', authors: ['مجهول'] },
  Hebrew: { title: 'סיפור על אהבה וחושך', authors: ['עמוס עוז'] },
};

describe('cover layout', () => {
  for (const [name, info] of Object.entries(cases)) {
    it(`fits a ${name} title inside the margins`, () => {
      expect(long200.length).toBe(200);
      const layout = layoutCover(info);
      const lines = layout.blocks.flatMap((b) => b.lines);
      expect(layout.blocks.find((b) => b.role === 'title')?.lines.length).toBeGreaterThan(0);
      for (const l of lines) {
        expect(l.x).toBeGreaterThanOrEqual(TEXT_INSET - 0.5);
        expect(l.x + l.width).toBeLessThanOrEqual(COVER_WIDTH - TEXT_INSET + 0.5);
        expect(l.y).toBeGreaterThan(layout.panel.y + layout.panel.height);
        expect(l.y + l.height).toBeLessThanOrEqual(COVER_HEIGHT - TEXT_INSET);
        expect(l.shaped.missing).toEqual([]);
        expect(l.shaped.width).toBeGreaterThan(0);
      }
      // Blocks follow one another without overlapping.
      const spans = layout.blocks.map((b) => [b.lines[0]?.y ?? 0, (b.lines.at(-1)?.y ?? 0) + (b.lines.at(-1)?.height ?? 0)] as const);
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
    });

    it(`draws the ${name} title's ink within the text area`, () => {
      const layout = layoutCover(info);
      const d = layout.blocks.flatMap((b) => b.lines.map((l) => l.shaped.path(l.x, l.baseline))).join('');
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_WIDTH}" height="${COVER_HEIGHT}"><path d="${d}" fill="#000"/></svg>`;
      const ink = new Resvg(svg, { font: { loadSystemFonts: false } }).getBBox();
      expect(ink?.width ?? 0).toBeGreaterThan(0);
      // Glyphs may overhang their advance a little (italics, accents), never into the frame.
      const slack = 40;
      expect(ink!.x).toBeGreaterThanOrEqual(TEXT_INSET - slack);
      expect(ink!.x + ink!.width).toBeLessThanOrEqual(COVER_WIDTH - TEXT_INSET + slack);
      expect(ink!.y).toBeGreaterThanOrEqual(layout.panel.y + layout.panel.height);
      expect(ink!.y + ink!.height).toBeLessThanOrEqual(COVER_HEIGHT - TEXT_INSET);
    });
  }

  it('leaves the outer margin band plain background', async () => {
    for (const info of [cases['200 characters']!, cases.Arabic!, cases['one word']!]) {
      const cover = await generateCover(info);
      const px = await pixels(cover.data);
      const bg = hexRgb(layoutCover(info).palette.background);
      let off = 0;
      for (let y = 0; y < px.height; y += 3)
        for (let x = 0; x < px.width; x += 3) {
          const band = x < COVER_MARGIN || y < COVER_MARGIN || x >= px.width - COVER_MARGIN || y >= px.height - COVER_MARGIN;
          if (band && px.at(x, y).some((v, i) => Math.abs(v - bg[i]!) > 1)) off++;
        }
      expect(off).toBe(0);
      // And the band test can fail: the frame just inside it is not background.
      const frame = px.at(layoutCover(info).frame.x, 1000);
      expect(frame).not.toEqual(bg);
    }
  });

  it('shows the series name and number', () => {
    const layout = layoutCover({ title: 'T', authors: ['A'], series: { name: 'Coastlines', position: 2.5 } });
    expect(
      layout.blocks
        .find((b) => b.role === 'series')
        ?.lines.map((l) => l.shaped.text)
        .join(' '),
    ).toBe('Coastlines · 2.5');
  });

  it('draws no author line, and no stray ellipsis, for a work without an author', () => {
    const layout = layoutCover({ title: 'Paper Boats', authors: [] });
    expect(layout.blocks.map((b) => b.role)).toEqual(['title']);
    expect(layout.blocks.flatMap((b) => b.lines.map((l) => l.shaped.text))).toEqual(['Paper', 'Boats']);
  });

  it('draws the rule between title and author only when there is an author', () => {
    expect(layoutCover({ title: 'Paper Boats', authors: [] }).rules).toEqual([]);
    expect(layoutCover({ title: 'Paper Boats', authors: ['Ann'] }).rules).toHaveLength(1);
  });

  it('reports characters no bundled font can draw, and draws the rest', () => {
    const info = { title: 'Hearts \u{1F495} and x\uE000 Stars', authors: ['A'] };
    const layout = layoutCover(info);
    expect(missingGlyphs(info)).toEqual(['\u{1F495}', '\uE000']);
    expect(missingGlyphs({ title: 'Plain', authors: ['Ann'], series: { name: 'Ωμέγα' } })).toEqual([]);
    const title = layout.blocks.find((b) => b.role === 'title');
    expect(title?.lines.map((l) => l.shaped.text).join(' ')).toBe('Hearts and x\uE000 Stars');
  });

  it('shapes Arabic into joined letters', () => {
    // Joined (initial, medial, final) forms are narrower than the same letters standing alone.
    const isolated = [...'ليلة'].reduce((w, ch) => w + shapeText(ch, 'title', 1).width, 0);
    expect(shapeText('ليلة', 'title', 1).width).toBeLessThan(isolated * 0.95);
  });
});
