export type { CoverImage, CoverInfo, DrawnCover } from './types.js';
export { COVER_HEIGHT, COVER_MARGIN, COVER_WIDTH } from './types.js';
export { drawCover, generateCover } from './generate.js';
export { layoutCover, missingGlyphs, type CoverLayout, type LineBox, type TextBlock } from './design.js';
export { contrastRatio } from './palette.js';
export { loadCover, MAX_COVER_SIDE, type LoadCoverOptions } from './load.js';
