/** What the pages need to know of a listing's page. */
export interface ListingPage {
  readonly id: string;
  readonly status: string;
}

interface Kept<T> {
  readonly keptUntil: number;
  readonly page: T;
}

/**
 * Live listings' pages, kept for a short while in this process and shared by every caller: a live listing's page
 * is the same for anyone signed in. Only live pages are kept (any other is its provider's and admins' alone), and
 * only answers that have arrived, so no caller ever waits on a request made with another caller's rights. A change
 * relayed by this process (an edit, a status change, a purchase, a cancellation) forgets the listing's page as soon
 * as it is answered, and a page that was being loaded meanwhile is not kept; changes made elsewhere show within the
 * time to live.
 */
export class LiveListingPages<T extends ListingPage> {
  private readonly pages = new Map<string, Kept<T>>();
  /** Counts forgettings, so a load can tell whether one happened while it waited. */
  private forgettings = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {}

  async load(listingId: string, loadPage: () => Promise<T>): Promise<T> {
    const kept = this.pages.get(listingId);
    if (kept && kept.keptUntil > this.now()) return kept.page;
    this.pages.delete(listingId);
    const forgettingsBefore = this.forgettings;
    const page = await loadPage();
    if (page.status === 'live' && this.forgettings === forgettingsBefore) this.keep(page);
    return page;
  }

  /**
   * Waits for a change that may alter what a listing shows, then forgets that listing's page: the one named, or
   * the one the answer names. A change that names no listing, or failed before its answer could name one, forgets
   * every page.
   */
  async changing<A>(change: Promise<A>, listingOf?: string | ((answer: A) => string)): Promise<A> {
    try {
      const answer = await change;
      if (listingOf === undefined) this.forgetAll();
      else this.forget(typeof listingOf === 'string' ? listingOf : listingOf(answer));
      return answer;
    } catch (error) {
      if (typeof listingOf === 'string') this.forget(listingOf);
      else this.forgetAll();
      throw error;
    }
  }

  private forget(listingId: string): void {
    this.forgettings += 1;
    this.pages.delete(listingId);
  }

  private forgetAll(): void {
    this.forgettings += 1;
    this.pages.clear();
  }

  private keep(page: T): void {
    this.pages.set(page.id, { keptUntil: this.now() + this.ttlMs, page });
    for (const oldest of this.pages.keys()) {
      if (this.pages.size <= this.capacity) break;
      this.pages.delete(oldest);
    }
  }
}
