// The taskbar (dock, launcher) progress bar during a sync, from the engine's progress events.
// The article queue grows while feeds are still being fetched, so the raw fraction can fall
// back; the bar only ever moves forward within one sync.
import { doneFraction } from '../../shared/sync-progress';
import type { SyncProgressEvent, SyncTotals } from '../../shared/types';

/** Values for BrowserWindow.setProgressBar: below 0 removes the bar, above 1 is indeterminate. */
export const PROGRESS_NONE = -1;
export const PROGRESS_INDETERMINATE = 2;

/** The sync's fraction done (shared/sync-progress.ts), or null before any work is known. */
export function fractionOf(totals: SyncTotals): number | null {
  return totals.feedsTotal + totals.articlesQueued <= 0 ? null : doneFraction(totals);
}

export class TaskbarProgress {
  private syncId: number | null = null;
  private shown = PROGRESS_NONE;

  /** The value to show after this event, or null when the bar stays as it is. */
  update(event: SyncProgressEvent): number | null {
    switch (event.type) {
      case 'sync-started':
        this.syncId = event.syncId;
        return this.show(PROGRESS_INDETERMINATE);
      case 'totals': {
        if (event.syncId !== this.syncId) return null;
        const fraction = fractionOf(event);
        if (fraction === null) return null;
        // Indeterminate until something is done, then forward only.
        const floor = this.shown === PROGRESS_INDETERMINATE ? 0 : this.shown;
        if (fraction <= floor) return null;
        return this.show(fraction);
      }
      case 'sync-finished':
        if (event.syncId !== this.syncId) return null;
        this.syncId = null;
        return this.show(PROGRESS_NONE);
      default:
        return null;
    }
  }

  private show(value: number): number | null {
    if (value === this.shown) return null;
    this.shown = value;
    return value;
  }
}
