/**
 * The requests behind a paged, virtualised list (use-paged-query.ts is its React face): pages of PAGE
 * rows fetched as they come into view and cached by page number. Every query change or data change
 * starts a new generation and answers to older generations are dropped, so a slow answer for "ali"
 * never overwrites the one for "alireza". Until the first rows of a new query arrive the previous rows
 * stay on screen (dimmed by the list), so typing does not make the list flash.
 *
 * A new query's first page comes in two requests: the rows on screen first (a screenful, so the engine
 * reads and the page renders only those before the list can show the answer), then the rest of the
 * page, whose rows are placeholders until then. Plain React-free code, so the order of requests and
 * answers can be tested without a DOM.
 */
import type { Result } from '../../shared/contract/errors';

export const PAGE = 100;
/** A new query's first request at the least: the rows of a list's first screen, with its overscan. */
export const FIRST_ROWS = 20;
const MAX_CACHED_PAGES = 200;
const RANGE_DEBOUNCE_MS = 30;

/** One page's answer as the list needs it; `totalExact` is false when the engine stopped counting. */
export type PageAnswer<Row> = { rows: Row[]; total: number; totalExact: boolean };

/** Rows [offset, offset + limit) of a query; `countLater` as in contacts/search (the count may follow). */
export type FetchRows<Q, Row> = (query: Q, offset: number, limit: number, countLater: boolean) => Promise<Result<PageAnswer<Row>>>;

type Page<Row> = { rows: Row[]; gen: number };
type Shown<Row> = { pages: Map<number, Page<Row>>; total: number; exact: boolean };

export class PagedLoader<Q, Row> {
  private gen = 0;
  private query: Q | undefined;
  private pages = new Map<number, Page<Row>>();
  private inflight = new Map<number, number>();
  private total = 0;
  private exact = true;
  /** False from a query change until its first rows answer (the rows shown are the old ones). */
  settled = false;
  /** What was on screen before the query changed, with its counts; shown until settled. */
  private previous: Shown<Row> = { pages: new Map(), total: 0, exact: true };
  error: string | null = null;
  private range: [number, number] = [0, PAGE - 1];
  /** How many rows the list last showed: a new query's first request asks for that many. */
  private onScreen = FIRST_ROWS;
  private rangeTimer: ReturnType<typeof setTimeout> | null = null;
  /** A first page is on its way; a query typed meanwhile waits for it (see setQuery). */
  private firstInflight = false;
  private firstPending = false;

  constructor(
    private readonly fetchRows: FetchRows<Q, Row>,
    private readonly changed: () => void,
    /** The first page of a query comes before its count, which follows in a request of one row. */
    private readonly countLater = false,
  ) {}

  /** A new query: a new generation, the old rows shown until its first rows answer. */
  setQuery(query: Q): void {
    this.gen += 1;
    if (this.settled) this.previous = { pages: this.pages, total: this.total, exact: this.exact };
    this.query = query;
    this.pages = new Map();
    this.inflight.clear();
    this.settled = false;
    this.range = [0, PAGE - 1];
    // Every keystroke is searched at once (no debounce: a search takes a few ms), but while one first
    // request is on its way the next query waits for it, so fast typing on a slow machine sends the
    // latest text once rather than queueing one request per key.
    if (this.firstInflight) this.firstPending = true;
    else this.fetchPage(0);
    this.changed();
  }

  /** Fetches the pages covering rows [start, end] (called as rows come into view). */
  ensureRange(start: number, end: number): void {
    this.range = [Math.max(0, start), Math.max(0, end)];
    this.onScreen = Math.min(PAGE, Math.max(FIRST_ROWS, this.range[1] - this.range[0] + 1));
    if (this.rangeTimer) clearTimeout(this.rangeTimer);
    this.rangeTimer = setTimeout(() => this.pagesInRange().forEach((p) => this.fetchPage(p)), RANGE_DEBOUNCE_MS);
  }

  /** Fetches the first page and the pages on screen again (after a data change, or the Retry of the error row). */
  reload(): void {
    this.gen += 1;
    this.inflight.clear();
    const keep = new Set([0, ...this.pagesInRange()]);
    for (const p of [...this.pages.keys()]) if (!keep.has(p)) this.pages.delete(p);
    keep.forEach((p) => this.fetchPage(p));
  }

  dispose(): void {
    if (this.rangeTimer) clearTimeout(this.rangeTimer);
  }

  private shown(): Shown<Row> {
    return this.settled ? { pages: this.pages, total: this.total, exact: this.exact } : this.previous;
  }
  /** Rows the list should have: the total, plus one loader row while the total is a lower bound. */
  get rowCount(): number {
    const s = this.shown();
    return s.total + (s.exact ? 0 : 1);
  }
  get shownTotal(): number {
    return this.shown().total;
  }
  get shownExact(): boolean {
    return this.shown().exact;
  }
  getRow(index: number): Row | undefined {
    return this.shown().pages.get(Math.floor(index / PAGE))?.rows[index % PAGE];
  }

  private fetchPage(page: number): void {
    const gen = this.gen;
    if (this.inflight.get(page) === gen || this.pages.get(page)?.gen === gen) return;
    this.inflight.set(page, gen);
    if (page === 0) this.firstInflight = true;
    const offset = page * PAGE;
    const later = page === 0 && this.countLater;
    // Only a new query (nothing of it on screen yet) splits its first page; a reload keeps the old rows meanwhile.
    const limit = page === 0 && !this.settled ? this.onScreen : PAGE;
    void this.fetchRows(this.query as Q, offset, limit, later).then((r) => {
      if (page === 0) {
        this.firstInflight = false;
        if (this.firstPending) {
          this.firstPending = false;
          this.fetchPage(0);
        }
      }
      if (this.gen !== gen) return;
      this.inflight.delete(page);
      const first = !this.settled;
      if (first) {
        this.settled = true;
        this.previous = { pages: new Map(), total: 0, exact: true };
      }
      if (!r.ok) {
        this.error = r.error.message;
        // A new query that failed has no rows: the error row stands alone, not over the old count.
        if (first) [this.total, this.exact] = [0, true];
        return this.changed();
      }
      this.answered(page, limit, r.value, gen, later);
    });
  }

  private answered(page: number, limit: number, answer: PageAnswer<Row>, gen: number, later: boolean): void {
    this.error = null;
    this.pages.set(page, { rows: answer.rows, gen });
    this.count(page * PAGE, limit, answer);
    this.evict();
    // The next request goes out before the page renders this answer.
    if (limit < PAGE && answer.rows.length === limit) this.fetchRest(answer.rows, gen, later);
    else if (later && !answer.totalExact && answer.total === answer.rows.length) this.fetchCount(gen);
    this.changed();
  }

  /** The rest of a new query's first page, after the rows on screen. */
  private fetchRest(head: Row[], gen: number, later: boolean): void {
    void this.fetchRows(this.query as Q, head.length, PAGE - head.length, later).then((r) => {
      if (this.gen !== gen) return;
      if (!r.ok) {
        this.error = r.error.message;
        return this.changed();
      }
      this.answered(0, PAGE, { ...r.value, rows: head.concat(r.value.rows) }, gen, later);
    });
  }

  /** The count the first page left for later: one row asked again, counted this time. */
  private fetchCount(gen: number): void {
    void this.fetchRows(this.query as Q, 0, 1, false).then((r) => {
      if (this.gen !== gen) return;
      if (!r.ok) this.error = r.error.message;
      else {
        const { total, totalExact } = r.value;
        if (totalExact || total > this.total) [this.total, this.exact] = [Math.max(total, this.total), totalExact];
      }
      this.changed();
    });
  }

  // A short answer is the end of the list; otherwise the engine's count, which past its cap is only a
  // lower bound (a full page then means there may be more: one loader row keeps the list scrolling).
  private count(offset: number, limit: number, { rows, total, totalExact }: PageAnswer<Row>): void {
    const n = rows.length;
    if (n < limit && (n > 0 || offset === 0)) [this.total, this.exact] = [offset + n, true];
    else if (totalExact) [this.total, this.exact] = [Math.max(total, offset + n), true];
    else [this.total, this.exact] = [Math.max(this.exact ? 0 : this.total, total, offset + n), false];
  }

  private evict(): void {
    if (this.pages.size <= MAX_CACHED_PAGES) return;
    const mid = Math.floor((this.range[0] + this.range[1]) / 2 / PAGE);
    const farthest = [...this.pages.keys()].sort((a, b) => Math.abs(b - mid) - Math.abs(a - mid));
    for (const p of farthest.slice(0, this.pages.size - MAX_CACHED_PAGES)) this.pages.delete(p);
  }

  private pagesInRange(): number[] {
    const out: number[] = [];
    for (let p = Math.floor(this.range[0] / PAGE); p <= Math.floor(this.range[1] / PAGE); p++) out.push(p);
    return out;
  }
}
