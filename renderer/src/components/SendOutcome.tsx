// What the last Send did, in the site's words where it gave any; the link goes to the comment.
import type { SendResult } from '../../../shared/types';

export interface SendOutcomeProps {
  readonly result: SendResult;
  readonly onOpenLink: (url: string) => void;
}

const FAILED = new Set<SendResult['outcome']>(['rejected', 'incomplete', 'too-long', 'no-form']);

export function SendOutcome({ result, onOpenLink }: SendOutcomeProps) {
  const url = result.draft.commentUrl;
  return (
    <p className={FAILED.has(result.outcome) ? 'send-outcome error' : 'send-outcome'} role="status" data-outcome={result.outcome}>
      {result.message}
      {url && (result.outcome === 'sent' || result.outcome === 'held' || result.outcome === 'duplicate' || result.outcome === 'found') && (
        <>
          {' '}
          <button type="button" className="link-button" onClick={() => onOpenLink(url)}>
            See it on the site
          </button>
        </>
      )}
    </p>
  );
}
