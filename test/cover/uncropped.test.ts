import { describe, expect, it, vi } from 'vitest';

// compose.ts asks resvg-js for an uncropped render with an empty crop box. If
// a later resvg-js took that box literally (an empty image), the cover must
// still come out whole: this resvg-js does exactly that.
vi.mock('@resvg/resvg-js', async (importOriginal) => {
  const real = await importOriginal<typeof import('@resvg/resvg-js')>();
  class Literal extends real.Resvg {
    constructor(svg: string, options?: import('@resvg/resvg-js').ResvgRenderOptions) {
      const empty = options?.crop?.right === 0;
      super(empty ? svg.replace(/width="\d+"/, 'width="1"') : svg, options);
    }
  }
  return { ...real, Resvg: Literal };
});

describe('a cover drawn by a resvg-js that takes an empty crop box literally', () => {
  it('falls back to plain renders and draws the same page', async () => {
    const { composeCover } = await import('../../src/cover/compose.js');
    const { coverScene, sceneSvg } = await import('../../src/cover/svg.js');
    const { layoutCover } = await import('../../src/cover/design.js');
    const { COVER_WIDTH, COVER_HEIGHT } = await import('../../src/cover/types.js');
    const { Resvg } = await import('@resvg/resvg-js');
    const real = (await vi.importActual<typeof import('@resvg/resvg-js')>('@resvg/resvg-js')).Resvg;
    expect(Resvg).not.toBe(real);
    const scene = coverScene(layoutCover({ title: 'The Salt Road', authors: ['R. Amsel'] }));
    const page = composeCover(scene);
    expect(page.depth).toBe(1);
    // A sample of its pixels against the real renderer's whole page.
    const whole = new real(sceneSvg(scene, { x: 0, y: 0, width: COVER_WIDTH, height: COVER_HEIGHT }, scene.pieces), { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render().pixels;
    const palette = page.palette!;
    let off = 0;
    for (let y = 0; y < COVER_HEIGHT; y += 7)
      for (let x = 0; x < COVER_WIDTH; x += 3) {
        const i = page.data[y * (COVER_WIDTH + 1) + 1 + x]!;
        const p = (y * COVER_WIDTH + x) * 4;
        for (let c = 0; c < 3; c++) if (Math.abs(palette[i * 3 + c]! - whole[p + c]!) > 8) off++;
      }
    expect(off).toBeLessThan(20);
  });
});
