import { Injectable, Module } from '@nestjs/common';
import type { z } from 'zod';
import type { listingViewSchema } from './listing.dto';
import { ShortLivedCache } from './short-lived-cache';

type ListingView = z.output<typeof listingViewSchema>;

/** As long as a search's answer is reused (see ListingsClient). */
const VIEW_TTL_MS = 1_000;
/** About 300 bytes each. */
const VIEWS_KEPT = 10_000;

/**
 * Live listings' pages, reused for a second: a live listing looks the same to everyone signed in, so one caller's
 * answer serves the next; any other status is its provider's and admins' only and is never kept. Whatever changes
 * a listing's page through this gateway (its provider editing it, a renter buying from it or cancelling) drops it,
 * so a caller reads its own change at once; a change elsewhere shows within the second.
 */
@Injectable()
export class LiveListingViews {
  private readonly views = new ShortLivedCache<ListingView>(VIEW_TTL_MS, VIEWS_KEPT);

  find(listingId: string, load: () => Promise<ListingView>): Promise<ListingView> {
    return this.views.getShared(listingId, load, (view) => view.status === 'live');
  }

  forget(listingId: string): void {
    this.views.forget(listingId);
  }
}

/** One set of kept views for the listings and rentals routes alike. */
@Module({ providers: [LiveListingViews], exports: [LiveListingViews] })
export class LiveListingViewsModule {}
