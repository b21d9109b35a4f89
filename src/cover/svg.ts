/** The cover as one SVG document: background, framed pattern panel, text as outlines. */
import { escapeUTF8 } from 'entities';
import type { CoverLayout } from './design.js';
import type { Palette } from './palette.js';
import { COVER_HEIGHT, COVER_WIDTH, type CoverInfo } from './types.js';

// Characters XML 1.0 cannot carry at all, even escaped.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu;

function patternTile(p: Palette): string {
  const s = p.spacing;
  const c = p.patternColor;
  const w = 3 + (p.variant % 4) * 2;
  switch (p.pattern) {
    case 'stripes':
      return `<pattern id="pat" width="${s}" height="${s}" patternUnits="userSpaceOnUse" patternTransform="rotate(${[30, 45, 60, -45][p.variant % 4]})"><rect width="${s / 3}" height="${s}" fill="${c}"/></pattern>`;
    case 'dots':
      return `<pattern id="pat" width="${s}" height="${s}" patternUnits="userSpaceOnUse"><circle cx="${s / 2}" cy="${s / 2}" r="${s / 5 + (p.variant % 3) * 2}" fill="${c}"/></pattern>`;
    case 'rings':
      return `<pattern id="pat" width="${s * 2}" height="${s * 2}" patternUnits="userSpaceOnUse"><circle cx="${s}" cy="${s}" r="${s * 0.8}" fill="none" stroke="${c}" stroke-width="${w}"/><circle cx="${s}" cy="${s}" r="${s * 0.4}" fill="none" stroke="${c}" stroke-width="${w}"/><circle cx="0" cy="0" r="${s * 0.4}" fill="none" stroke="${c}" stroke-width="${w}"/><circle cx="${s * 2}" cy="0" r="${s * 0.4}" fill="none" stroke="${c}" stroke-width="${w}"/><circle cx="0" cy="${s * 2}" r="${s * 0.4}" fill="none" stroke="${c}" stroke-width="${w}"/><circle cx="${s * 2}" cy="${s * 2}" r="${s * 0.4}" fill="none" stroke="${c}" stroke-width="${w}"/></pattern>`;
    case 'chevrons':
      return `<pattern id="pat" width="${s}" height="${s / 2}" patternUnits="userSpaceOnUse"><path d="M0 ${s / 2} L${s / 2} 0 L${s} ${s / 2}" fill="none" stroke="${c}" stroke-width="${w}"/></pattern>`;
    case 'diamonds':
      return `<pattern id="pat" width="${s}" height="${s}" patternUnits="userSpaceOnUse"><path d="M${s / 2} ${s * 0.1} L${s * 0.9} ${s / 2} L${s / 2} ${s * 0.9} L${s * 0.1} ${s / 2} Z" fill="${c}"/></pattern>`;
  }
}

export function coverSvg(info: CoverInfo, layout: CoverLayout): string {
  const { palette: p, frame: f, panel } = layout;
  const text = layout.blocks
    .flatMap((b) => b.lines.map((l) => l.shaped.path(l.x, l.baseline)))
    .join('');
  const rules = layout.rules
    .map(([x1, x2, y]) => `<path d="M${x1} ${y} H${x2}" stroke="${p.accent}" stroke-width="6"/>`)
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_WIDTH}" height="${COVER_HEIGHT}" viewBox="0 0 ${COVER_WIDTH} ${COVER_HEIGHT}">`,
    `<title>${escapeUTF8(info.title.replace(XML_INVALID, ''))}</title>`,
    `<defs>${patternTile(p)}</defs>`,
    `<rect width="${COVER_WIDTH}" height="${COVER_HEIGHT}" fill="${p.background}"/>`,
    `<rect x="${panel.x}" y="${panel.y}" width="${panel.width}" height="${panel.height}" fill="url(#pat)"/>`,
    `<path d="M${panel.x} ${panel.y + panel.height} H${panel.x + panel.width}" stroke="${p.accent}" stroke-width="8"/>`,
    `<rect x="${f.x}" y="${f.y}" width="${f.width}" height="${f.height}" fill="none" stroke="${p.accent}" stroke-width="6"/>`,
    rules,
    `<path fill="${p.text}" d="${text}"/>`,
    '</svg>',
  ].join('\n');
}
