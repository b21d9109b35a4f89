import type { Block, Inline } from '../model.js';
import { assertNever } from '../model.js';
import { esc } from './xml.js';

/** One small handler per inline node type; a new type breaks the build until handled here. */
export function renderInlines(inlines: readonly Inline[]): string {
  let out = '';
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        out += esc(node.value);
        break;
      case 'emphasis':
        out += `<em>${renderInlines(node.children)}</em>`;
        break;
      case 'strong':
        out += `<strong>${renderInlines(node.children)}</strong>`;
        break;
      case 'link':
        out += renderLink(node.url, node.children);
        break;
      case 'lineBreak':
        out += '<br/>';
        break;
      case 'noteRef':
        out += `<a class="noteref" epub:type="noteref" id="ref-${esc(node.id)}" href="notes.xhtml#note-${esc(node.id)}">${esc(node.label)}</a>`;
        break;
      default:
        assertNever(node);
    }
  }
  return out;
}

// Only web and mail links stay links; anything else (javascript:, file:, data:) is shown as text.
function renderLink(url: string, children: readonly Inline[]): string {
  const label = renderInlines(children);
  if (!/^(https?:|mailto:)/i.test(url)) return label;
  return `<a href="${esc(url)}">${label}</a>`;
}

const paragraph = (inlines: readonly Inline[], cls?: string): string => `<p${cls ? ` class="${cls}"` : ''}>${renderInlines(inlines)}</p>`;

export function renderBlock(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return paragraph(block.children);
    case 'sceneBreak':
      return '<hr/>';
    case 'epigraph': {
      const quote = block.quote.map((q) => paragraph(q)).join('\n');
      const cite = block.cite ? `\n<p class="epigraph-cite"><cite>${renderInlines(block.cite)}</cite></p>` : '';
      return `<blockquote class="epigraph" epub:type="epigraph">\n${quote}${cite}\n</blockquote>`;
    }
    case 'pov':
      return paragraph(block.children, 'pov');
    case 'authorNote':
      // A named label (`Rosie's Notes:`, `Disclaimer:`) stays in the note's text; a bare `A/N:` was left out,
      // since the aside (or the notes page's heading) already says what this is.
      return `<aside class="author-note">\n${renderBlocks(block.children)}\n</aside>`;
    case 'endMark':
      return paragraph(block.children, 'end-mark');
    case 'blockquote':
      return `<blockquote>\n${renderBlocks(block.children)}\n</blockquote>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const items = block.items.map((item) => `<li>${renderBlocks(item)}</li>`).join('\n');
      return `<${tag}>\n${items}\n</${tag}>`;
    }
    case 'verse':
      return `<p class="verse">${block.lines.map((l) => renderInlines(l)).join('<br/>\n')}</p>`;
    case 'image':
      return `<figure><img src="${esc(block.src)}" alt="${esc(block.alt)}"/></figure>`;
    case 'illustration':
      // The source edition's picture is not in the text; its caption is, set apart as one.
      return `<p class="illustration">${block.caption.map((l) => renderInlines(l)).join('<br/>\n')}</p>`;
    default:
      return assertNever(block);
  }
}

export const renderBlocks = (blocks: readonly Block[]): string => blocks.map(renderBlock).join('\n');
