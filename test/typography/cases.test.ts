import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/model.js';
import { parseEmphasis } from '../../src/readers/text/emphasis.js';
import { smartenText, type DashStyle } from '../../src/typography/index.js';

interface Case {
  line: number;
  mode: 'smarten' | 'emphasis';
  dashStyle: DashStyle;
  input: string;
  expected: string;
}

/** Lines `input<TAB>expected`; `#` starts a comment, `#! key=value …` switches mode for what follows. */
function loadCases(): Case[] {
  const text = readFileSync(new URL('./cases.tsv', import.meta.url), 'utf8');
  const cases: Case[] = [];
  let mode: Case['mode'] = 'smarten';
  let dashStyle: DashStyle = 'em';
  text.split('\n').forEach((raw, index) => {
    if (raw.startsWith('#!')) {
      for (const [, key, value] of raw.matchAll(/(\w+)=(\S+)/g)) {
        if (key === 'mode') mode = value as Case['mode'];
        if (key === 'dashStyle') dashStyle = value as DashStyle;
      }
      return;
    }
    if (raw === '' || raw.startsWith('#')) return;
    const [input, expected, extra] = raw.split('\t');
    if (input === undefined || expected === undefined || extra !== undefined) {
      throw new Error(`cases.tsv:${index + 1}: expected input<TAB>expected`);
    }
    cases.push({ line: index + 1, mode, dashStyle, input, expected });
  });
  return cases;
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A test-only rendering of inline nodes: text escaped, emphasis and strong as tags. */
function render(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
          return escape(n.value);
        case 'emphasis':
          return `<em>${render(n.children)}</em>`;
        case 'strong':
          return `<strong>${render(n.children)}</strong>`;
        default:
          throw new Error(`unexpected ${n.type}`);
      }
    })
    .join('');
}

const cases = loadCases();

describe('typography cases.tsv', () => {
  it('has at least 150 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });
  it.each(cases.map((c) => [`${c.line}: ${c.input}`, c] as const))('%s', (_name, c) => {
    const actual = c.mode === 'emphasis' ? render(parseEmphasis(c.input)) : smartenText(c.input, { dashStyle: c.dashStyle });
    expect(actual).toBe(c.expected);
  });
});
