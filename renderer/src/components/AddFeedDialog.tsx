// Subscribing: a feed's address or any page of a site (the core looks for the feed). It shows
// what was found and where it looked, or in one sentence why nothing was found (the addresses
// tried behind "Details"), or, for a page that names several feeds, the list to choose one from
// (FeedChoiceList); below, well-known feeds. The address field has focus on opening.
import { useRef, useState } from 'react';
import type { AddFeedResult, Feed } from '../../../shared/types';
import { useSubscribe } from '../hooks/use-subscribe';
import { splitAddFeedError } from '../lib/add-feed-error';
import { plural } from '../lib/format';
import { Dialog } from './Dialog';
import { FeedChoiceList } from './FeedChoiceList';
import { SuggestedFeeds } from './SuggestedFeeds';

export interface AddFeedDialogProps {
  readonly subscribed: readonly Feed[];
  readonly onAdded: (result: AddFeedResult) => void;
  readonly onShow: (feed: Feed) => void;
  readonly onClose: () => void;
}

export function AddFeedDialog({ subscribed, onAdded, onShow, onClose }: AddFeedDialogProps) {
  const [url, setUrl] = useState('');
  // The address last submitted: its state is what the dialog reports, whatever is typed since.
  const [submitted, setSubmitted] = useState<string | null>(null);
  const { states, subscribe } = useSubscribe(onAdded);
  const outcome = submitted === null ? undefined : states[submitted];
  const busy = outcome?.kind === 'busy';

  const field = useRef<HTMLInputElement>(null);
  const submit = (address: string) => {
    if (!address || busy) return;
    setSubmitted(address);
    subscribe(address);
  };
  // The list goes once a feed of it is chosen, and the focus it had with it: back to the address field.
  const subscribeChosen = (address: string) => {
    field.current?.focus();
    submit(address);
  };

  return (
    <Dialog title="Add a feed" onClose={onClose} className="add-feed-dialog">
      <form
        className="add-feed-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit(url.trim());
        }}
      >
        <label htmlFor="add-feed-url">Address of a feed or of a site</label>
        <div className="field-row">
          <input
            ref={field}
            id="add-feed-url"
            type="text"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            placeholder="https://example.com/"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            data-autofocus
          />
          {/* Not disabled while it looks: a disabled button drops the focus it has (to <body>). */}
          <button type="submit" className="button primary" disabled={!url.trim()} aria-disabled={busy}>
            {busy ? 'Looking…' : 'Subscribe'}
          </button>
        </div>
      </form>
      {busy && (
        <p className="muted" role="status">
          Looking for a feed at {submitted}…
        </p>
      )}
      {outcome?.kind === 'error' && <FailedFeed message={outcome.message} />}
      {submitted !== null && outcome?.kind === 'choice' && <FeedChoiceList key={submitted} address={submitted} choice={outcome.choice} onSubscribe={subscribeChosen} />}
      {outcome?.kind === 'added' && <AddedFeed result={outcome.result} onShow={() => onShow(outcome.result.feed)} />}
      <h3 className="dialog-subheading">Popular news feeds</h3>
      <SuggestedFeeds subscribed={subscribed} onAdded={onAdded} />
    </Dialog>
  );
}

function FailedFeed({ message }: { readonly message: string }) {
  const { sentence, tried } = splitAddFeedError(message);
  return (
    <div className="form-error" role="alert">
      <p className="error-sentence">{sentence}</p>
      {tried.length > 0 && (
        <details className="error-details">
          <summary>Details: {plural(tried.length, 'address', 'addresses')} tried</summary>
          <ol className="tried">
            {tried.map((address) => (
              <li key={address}>{address}</li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

function AddedFeed({ result, onShow }: { readonly result: AddFeedResult; readonly onShow: () => void }) {
  const { feed, tried, existing } = result;
  return (
    <div className="form-success" role="status">
      <p>
        {existing ? 'Already subscribed to ' : 'Subscribed to '}
        <strong>{feed.title}</strong> ({plural(feed.articleCount, 'article')}).
      </p>
      <p className="muted feed-url">{feed.url}</p>
      {tried.length > 0 && (
        <details>
          <summary>Looked at {plural(tried.length, 'address', 'addresses')} first</summary>
          <ol className="tried">
            {tried.map((address) => (
              <li key={address}>{address}</li>
            ))}
          </ol>
        </details>
      )}
      <button type="button" className="button small" onClick={onShow}>
        Show it
      </button>
    </div>
  );
}
