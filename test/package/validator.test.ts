import { unzipSync, zipSync, strToU8, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildFile, corpusFiles } from '../support/build.js';
import { javaEpubcheckAvailable } from '../../src/batch/check.js';
import { validateEpub } from '../support/epubcheck.js';

// The validator every test trusts must itself be able to fail.
describe('validateEpub', () => {
  it('reports a book with a missing stylesheet and an attribute XHTML does not allow', async () => {
    const built = await buildFile(corpusFiles[1]!);
    const files = unzipSync(built.epub);
    files['OEBPS/chapter-001.xhtml'] = strToU8(strFromU8(files['OEBPS/chapter-001.xhtml']!).replace('<h2>', '<h2 bogus="1">'));
    delete files['OEBPS/style.css'];
    const { mimetype, ...rest } = files;
    const broken = zipSync({ mimetype: [mimetype!, { level: 0 }], ...rest });
    const problems = await validateEpub(broken, 'broken.epub');
    expect(problems.some((p) => p.startsWith('epubcheck-ts error'))).toBe(true);
    // The npm port does not check attributes against the schema; Java EPUBCheck does.
    if (javaEpubcheckAvailable()) expect(problems.some((p) => /^EPUBCheck ERROR RSC-005 .*"bogus"/.test(p))).toBe(true);
  });
});
