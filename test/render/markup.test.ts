import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildFile, storyFile, unzipText } from '../support/build.js';
import { validateEpub } from '../support/epubcheck.js';
import { assertSafeEpub, safetyProblems } from '../support/safe.js';

const HOSTILE = [
  'Title: <b>Bold</b> & <script>alert("t")</script>',
  'Author: <img src=x onerror=alert(1)>',
  'Summary: javascript:alert(1) ]]> &amp;',
  '',
  'Chapter 1: <i>Tags</i> in ]]> a heading',
  '',
  'She typed <b>bold</b> and &amp; and ]]> and &#x3C;script&#x3E; into the box.',
  '',
  '<script>alert("x")</script>',
  '',
  '<iframe src="https://evil.example/"></iframe> <object data="x.swf"></object>',
  '',
  '[click](javascript:alert(1)) <a href="javascript:alert(2)" onclick="alert(3)">here</a>',
  '',
  '<style>@import url(https://evil.example/x.css); body { background: url(javascript:alert(1)) }</style>',
  '',
  '<![CDATA[ not markup ]]> <!-- not a comment --> <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]> &e;',
  '',
].join('\n');

describe('nothing from a plain-text story becomes markup', () => {
  it('shows text that looks like markup as text, and the book holds only what the renderer emits', async () => {
    const built = await buildFile(await storyFile(HOSTILE));
    expect(await validateEpub(built.epub)).toEqual([]);
    assertSafeEpub(built.epub);
    const files = unzipText(built.epub);
    const chapter = files.get('OEBPS/chapter-001.xhtml') ?? '';
    expect(chapter).toContain('She typed &lt;b&gt;bold&lt;/b&gt; and &amp;amp; and ]]&gt; and &amp;#x3C;script&amp;#x3E; into the box.');
    expect(chapter).toContain('&lt;script&gt;alert(“x”)&lt;/script&gt;');
    expect(chapter).toContain('&lt;iframe src=');
    expect(chapter).toContain('&lt;![CDATA[ not markup ]]&gt; &lt;!');
    expect(chapter).not.toMatch(/<(script|iframe|object|style|b|i)\b/);
    expect(chapter).not.toMatch(/href="javascript/i);
    const opf = files.get('OEBPS/content.opf') ?? '';
    expect(opf).toContain('&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;script&gt;');
    const title = files.get('OEBPS/titlepage.xhtml') ?? '';
    expect(title).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  // assertSafeEpub is only worth something if it can fail: doctor a good book.
  it('assertSafeEpub catches scripts, event attributes, remote images, javascript: links and CSS imports', async () => {
    const built = await buildFile(await storyFile('Title: Clean\n\nChapter 1\n\nA plain story.\n'));
    expect(safetyProblems(built.epub)).toEqual([]);
    const doctor = (name: string, edit: (s: string) => string): Uint8Array => {
      const zip = unzipSync(built.epub);
      zip[name] = strToU8(edit(new TextDecoder().decode(zip[name])));
      return zipSync(zip);
    };
    const ch = 'OEBPS/chapter-001.xhtml';
    const cases: Array<[Uint8Array, RegExp]> = [
      [doctor(ch, (s) => s.replace('<p>', '<script>alert(1)</script><p>')), /<script/],
      [doctor(ch, (s) => s.replace('<p>', '<p onclick="x()">')), /event attribute onclick/],
      [doctor(ch, (s) => s.replace('<p>', '<p style="color:red">')), /attribute style/],
      [doctor(ch, (s) => s.replace('<p>', '<p><img src="https://evil.example/x.png" alt=""/>')), /points off the book/],
      [doctor(ch, (s) => s.replace('<p>', '<p><a href="javascript:alert(1)">x</a>')), /javascript: URL/],
      [doctor(ch, (s) => s.replace('<p>', '<iframe/><p>')), /<iframe> is not one/],
      [doctor(ch, (s) => s.replace('<p>', '<p><a href="missing.xhtml">x</a>')), /not in the book/],
      [doctor('OEBPS/style.css', (s) => `@import url(https://evil.example/x.css);\n${s}`), /stylesheet loads/],
      [doctor('OEBPS/content.opf', (s) => s.replace('<spine', '<bindings/><spine')), /<bindings>/],
    ];
    for (const [epub, problem] of cases) expect(safetyProblems(epub).join('\n')).toMatch(problem);
  });
});
