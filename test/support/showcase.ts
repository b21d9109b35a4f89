/**
 * A book built directly as a `Book` tree, with every kind of block the markup
 * contract names (scene breaks, epigraph, point of view, author's notes, end
 * mark, titled sections). Rendering tests use it so they do not depend on what
 * the plain-text detector recognises today. The words are our own.
 */
import { renderBook, type RenderedBook } from '../../src/render/index.js';
import { text, type Block, type Book, type Inline, type Span } from '../../src/model.js';
import { testCover } from './cover.js';

const at = (start: number): Span => ({ file: 'showcase.txt', start, end: start });
const p = (line: number, ...children: Inline[]): Block => ({ type: 'paragraph', children, span: at(line) });
const t = text;

export const SHOWCASE_IDENTIFIER = 'urn:uuid:6f1c2a52-3f0e-5b8e-9d44-2b7a1c9e0d11';
export const SHOWCASE_MODIFIED = '2023-11-14T22:13:20Z';

export function showcaseBook(): Book {
  return {
    meta: {
      title: 'The Salt Road',
      authors: [{ name: 'Wren Hollis', fileAs: 'Hollis, Wren' }],
      language: 'en-GB',
      summary: [[t('Two carters, one mule and a winter that will not end.')]],
      series: { name: 'Roads of the North', position: 2 },
      tags: ['winter', 'travel'],
      fandoms: [],
      pairings: [],
      characters: ['Maud', 'Ossian'],
      genres: ['Adventure'],
      warnings: [],
      rating: 'General',
      status: 'complete',
      published: '2023-01-05',
    },
    imprint: [],
    front: [{ type: 'authorNote', label: 'A/N:', children: [p(3, t('Thank you for waiting so long for this one.'))], span: at(3) }],
    chapters: [
      {
        title: [t('The Ford')],
        label: 'Chapter 1',
        blocks: [
          { type: 'epigraph', quote: [[t('“A road is a promise someone else made.”')]], cite: [t('Old carters’ saying')], span: at(6) },
          p(8, t('The river had risen in the night, and by morning the ford was a brown rope of water. Maud stood at the edge and counted the stones she could still see.')),
          p(9, t('“Three,” she said. “Yesterday there were eleven.”')),
          { type: 'sceneBreak', span: at(11) },
          p(13, t('Ossian unloaded the cart one sack at a time. He did not '), { type: 'emphasis', children: [t('complain')] }, t(', which was how she knew he was afraid.')),
          p(14, t('They crossed at noon. The mule went first, because the mule was the only one of them with any sense.')),
          { type: 'sceneBreak', span: at(16) },
          p(18, t('On the far bank the road climbed into pines. Behind them the river closed over the last stone.')),
        ],
        sections: [],
        span: at(5),
      },
      {
        title: [t('The Inn at Greyhead')],
        label: 'Chapter 2',
        blocks: [],
        sections: [
          {
            title: [t('Evening')],
            blocks: [
              { type: 'pov', children: [t('Maud')], span: at(22) },
              p(23, t('The inn had one lamp lit and a dog asleep across the door. Maud stepped over the dog.')),
              p(24, t('“Salt?” said the innkeeper, before she had said a word. “Everyone on this road is carrying salt.”')),
            ],
            span: at(21),
          },
          {
            title: [t('Morning')],
            blocks: [
              { type: 'pov', children: [t('Ossian')], span: at(27) },
              p(28, t('Snow had come in the night. Ossian stood at the window and watched it fill the cart’s tracks until there was no road at all.')),
              { type: 'endMark', children: [t('The End')], span: at(30) },
            ],
            span: at(26),
          },
        ],
        span: at(20),
      },
    ],
    back: [{ type: 'authorNote', label: 'Closing notes:', children: [p(33, t('The salt roads were real; the mule is my own invention.'))], span: at(33) }],
    notes: [],
  };
}

/** The showcase rendered with a cover and the given stylesheet. */
export function renderShowcase(css: string): RenderedBook {
  return renderBook(showcaseBook(), { identifier: SHOWCASE_IDENTIFIER, modified: SHOWCASE_MODIFIED, css, cover: testCover() });
}
