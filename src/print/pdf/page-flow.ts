/**
 * Content laid down the body of report pages, top to bottom: `y` is where the next thing goes,
 * `need(h)` starts a new page when `h` more points would run into the footer, so a block (a heading
 * with its first row, a table row, a chart) is never split across two pages.
 */
import type { DrawOp } from './print-document';
import type { Frame } from './report-frame';

export class PageFlow {
  readonly pages: DrawOp[][] = [[]];
  y: number;

  constructor(private readonly frame: Pick<Frame, 'bodyTop' | 'bodyBottom'>) {
    this.y = frame.bodyTop;
  }

  /** The page being filled. */
  get page(): DrawOp[] {
    return this.pages[this.pages.length - 1]!;
  }

  push(op: DrawOp): void {
    this.page.push(op);
  }

  /** Whether `h` more points fit on this page. */
  fits(h: number): boolean {
    return this.y + h <= this.frame.bodyBottom;
  }

  newPage(): void {
    this.pages.push([]);
    this.y = this.frame.bodyTop;
  }

  need(h: number): void {
    if (!this.fits(h)) this.newPage();
  }
}
