import { build } from 'esbuild';
const libs = { iconv: "import x from 'iconv-lite'; globalThis.k=x;", chardet: "import x from 'chardet'; globalThis.k=x;",
  sanitize: "import x from 'sanitize-html'; globalThis.k=x;", marked: "import {marked} from 'marked'; import f from 'marked-footnote'; globalThis.k=[marked,f];",
  yaml: "import {parseDocument} from 'yaml'; globalThis.k=parseDocument;", htmlparser2: "import * as x from 'htmlparser2'; import * as d from 'domutils'; import * as e from 'entities'; globalThis.k=[x,d,e];",
  fflate: "import * as x from 'fflate'; globalThis.k=x;", yargs: "import y from 'yargs'; import {hideBin} from 'yargs/helpers'; globalThis.k=[y,hideBin];",
  cliprogress: "import x from 'cli-progress'; globalThis.k=x;", uuid: "import {v5} from 'uuid'; globalThis.k=v5;" };
for (const [n, src] of Object.entries(libs)) {
  await build({ stdin: { contents: src, resolveDir: process.cwd() }, outfile: `/tmp/libcost/${n}.mjs`, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error',
    banner: { js: "import { createRequire as qcr } from 'node:module'; const require = qcr(import.meta.url);" } });
}
