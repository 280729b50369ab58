// A page that names several feeds, as Add feed offers them: one radio button each, the feed
// Paperboy would pick checked, its title first and its address under it, with what sets it apart
// (comments, a podcast's audio or video, one subscribed to already). The checked one has focus
// when the list appears: arrow keys move through the list, Enter or the button subscribes.
import { useEffect, useRef, useState } from 'react';
import type { FeedCandidate, FeedChoice } from '../../../shared/types';
import { plural, shortDate } from '../lib/format';

export interface FeedChoiceListProps {
  /** The address typed, whose page names the feeds. */
  readonly address: string;
  readonly choice: FeedChoice;
  readonly onSubscribe: (url: string) => void;
}

const KIND_TAGS: Readonly<Record<FeedCandidate['kind'], string | null>> = {
  articles: null,
  comments: 'Comments',
  audio: 'Podcast: audio',
  video: 'Podcast: video',
};

export function FeedChoiceList({ address, choice, onSubscribe }: FeedChoiceListProps) {
  const [picked, setPicked] = useState(choice.defaultIndex);
  const checked = useRef<HTMLInputElement>(null);
  useEffect(() => checked.current?.focus(), [choice]);
  const chosen = choice.candidates[picked];

  return (
    <form
      className="feed-choice"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) onSubscribe(chosen.url);
      }}
    >
      <fieldset>
        <legend>
          {address} names {choice.candidates.length} feeds. Which one?
        </legend>
        <ul className="feed-choice-list">
          {choice.candidates.map((feed, index) => (
            <li key={feed.url}>
              <label>
                <input
                  ref={index === picked ? checked : undefined}
                  type="radio"
                  name="feed-choice"
                  value={feed.url}
                  checked={index === picked}
                  onChange={() => setPicked(index)}
                />
                <span className="feed-choice-text">
                  <span className="feed-choice-title">{feed.title}</span>
                  <span className="feed-choice-about">{about(feed)}</span>
                  <span className="feed-url">{feed.url}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {/* Named apart from the address field's Subscribe above it. */}
      <button type="submit" className="button primary">
        Subscribe to the chosen feed
      </button>
    </form>
  );
}

/** What sets a feed apart, in a few words: its kind, whether it is subscribed to, how much it holds and how fresh. */
function about(feed: FeedCandidate): string {
  const tag = KIND_TAGS[feed.kind];
  const unit = feed.kind === 'comments' ? 'comment' : feed.kind === 'articles' ? 'article' : 'episode';
  const parts = [
    ...(tag === null ? [] : [tag]),
    ...(feed.subscribed ? ['subscribed'] : []),
    plural(feed.itemCount, unit),
    ...(feed.latestAt === null ? [] : [`latest ${shortDate(feed.latestAt)}`]),
  ];
  return parts.join(' · ');
}
