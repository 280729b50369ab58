// The reader with no article open. On first launch (only the built-in welcome feed) it offers
// well-known news feeds to subscribe with one click.
import { useContext } from 'react';
import type { AddFeedResult, Feed } from '../../../shared/types';
import { SingleKeysContext } from '../hooks/use-key-hint';
import { SuggestedFeeds } from './SuggestedFeeds';

export interface ReaderEmptyProps {
  readonly firstLaunch: boolean;
  readonly feeds: readonly Feed[];
  readonly onAdded: (result: AddFeedResult) => void;
}

export function ReaderEmpty({ firstLaunch, feeds, onAdded }: ReaderEmptyProps) {
  // The keys are named only while single-key shortcuts are on (use-key-hint.ts).
  const singleKeys = useContext(SingleKeysContext);
  if (!firstLaunch) {
    return (
      <div className="reader-empty">
        <p>Select an article to read it.</p>
        {singleKeys && (
          <p className="muted">
            <kbd>j</kbd> and <kbd>k</kbd> move through the list, <kbd>?</kbd> shows every shortcut.
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="reader-empty welcome">
      <h2>Welcome to Paperboy</h2>
      <p>Start with the welcome articles in the list: they are stored with the app and readable offline.</p>
      <p>Then subscribe to some news. Each of these is one click (it needs the network once); press Sync to fetch whole articles for offline reading.</p>
      <SuggestedFeeds subscribed={feeds} onAdded={onAdded} />
    </div>
  );
}
