import { describe, expect, it } from 'vitest';
import { loadStylesheet } from '../../src/index.js';

/** The declarations of each rule, comments removed. */
function rules(css: string): Array<{ selector: string; decls: Array<[string, string]> }> {
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...clean.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
    selector: m[1]!.trim(),
    decls: m[2]!
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const i = d.indexOf(':');
        return [d.slice(0, i).trim().toLowerCase(), d.slice(i + 1).trim()] as [string, string];
      }),
  }));
}

describe('styles/book.css is made for e-ink', async () => {
  const css = await loadStylesheet();
  const all = rules(css);
  const decls = all.flatMap((r) => r.decls.map(([p, v]) => ({ selector: r.selector, p, v })));

  it('is parsed into rules by this test', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it('uses no absolute units: the reader chooses the font size', () => {
    expect(decls.filter((d) => /\d(px|pt|pc|cm|mm|in|q)\b/i.test(d.v))).toEqual([]);
  });

  it("sets no colors, backgrounds or fonts: night mode and the reader's font win", () => {
    const bad = decls.filter(
      (d) =>
        (/(^|-)color$/.test(d.p) && !/^(inherit|currentcolor)$/i.test(d.v)) ||
        /^background/.test(d.p) ||
        d.p === 'font-family' ||
        (/^(border|border-(top|bottom|left|right))$/.test(d.p) && /#|rgb|hsl|\b(black|white|gray|grey)\b/i.test(d.v)),
    );
    expect(bad).toEqual([]);
  });

  it('raises footnote marks and gives them room, so "boat.1" does not read as a typo', () => {
    const ref = all.find((r) => r.selector === 'a.noteref');
    expect(ref?.decls).toEqual(
      expect.arrayContaining([
        ['vertical-align', 'super'],
        ['text-decoration', 'none'],
      ]),
    );
    expect(ref?.decls.find(([p]) => p === 'padding')?.[1]).toMatch(/em/);
  });

  it("draws one rule, not two, between author's notes that follow each other", () => {
    const next = all.find((r) => r.selector === 'aside.author-note + aside.author-note');
    expect(next?.decls).toContainEqual(['border-top', 'none']);
  });

  it('keeps line height unitless', () => {
    expect(decls.filter((d) => d.p === 'line-height' && !/^\d+(\.\d+)?$/.test(d.v))).toEqual([]);
  });

  it('never styles by epub:type, which readers that load XHTML as HTML drop', () => {
    expect(css.replace(/\/\*[\s\S]*?\*\//g, '')).not.toMatch(/epub\|type|@namespace/);
  });

  it('draws a scene break as a centered text ornament, not only a border', () => {
    const after = all.find((r) => r.selector === 'hr::after');
    expect(after?.decls).toContainEqual(['content', '"*\\00a0\\00a0*\\00a0\\00a0*"']);
    const hr = all.find((r) => r.selector === 'hr')!;
    expect(hr.decls).toContainEqual(['text-align', 'center']);
    expect(hr.decls).toContainEqual(['color', 'inherit']);
  });
});
