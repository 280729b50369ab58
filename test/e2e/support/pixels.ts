// What a person sees in a part of the page, measured on its pixels: how much of a box is painted
// in a given colour. Screenshots are decoded in a blank page of the same browser (a canvas), so
// no image library is needed.
import type { Page } from 'playwright-core';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type Rgb = readonly [number, number, number];

/** The RGBA pixels of a screenshot of the box. */
async function pixelsOf(page: Page, box: Box): Promise<number[]> {
  const png = await page.screenshot({ clip: box, animations: 'disabled', caret: 'hide' });
  const canvasPage = await page.context().newPage();
  try {
    return await canvasPage.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      return [...context.getImageData(0, 0, image.width, image.height).data];
    }, png.toString('base64'));
  } finally {
    await canvasPage.close();
  }
}

/**
 * The colour a CSS colour (a system colour such as Highlight included) shows as when painted over
 * the window's background (Canvas): system colours may be translucent.
 */
export async function paintedColour(page: Page, css: string): Promise<Rgb> {
  await page.evaluate((value) => {
    const ground = document.createElement('div');
    ground.id = 'colour-probe';
    const swatch = document.createElement('div');
    for (const [element, background] of [
      [ground, 'Canvas'],
      [swatch, value],
    ] as const) {
      // Unforced, so it is painted in the colour asked for even in forced colours.
      Object.assign(element.style, { forcedColorAdjust: 'none', background, width: '10px', height: '10px' });
    }
    Object.assign(ground.style, { position: 'fixed', left: '0', top: '0', zIndex: '2147483647' });
    ground.append(swatch);
    document.body.append(ground);
  }, css);
  try {
    const [r, g, b] = await pixelsOf(page, { x: 5, y: 5, width: 1, height: 1 });
    return [r!, g!, b!];
  } finally {
    await page.evaluate(() => document.getElementById('colour-probe')?.remove());
  }
}

/** The share (0 to 1) of the box's pixels within a small distance of the colour. */
export async function colourShare(page: Page, box: Box, colour: Rgb): Promise<number> {
  const pixels = await pixelsOf(page, box);
  let near = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const distance = Math.abs(pixels[i]! - colour[0]) + Math.abs(pixels[i + 1]! - colour[1]) + Math.abs(pixels[i + 2]! - colour[2]);
    if (distance <= 24) near++;
  }
  return near / (pixels.length / 4);
}
