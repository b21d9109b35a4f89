/**
 * The cover thread's task: one generated cover (see coverThread in run.ts).
 * The thread loads only the drawing code: HarfBuzz, resvg and the fonts.
 */
export { drawCover as default } from '../cover/generate.js';
