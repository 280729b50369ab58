// The search field: searches as one types (after a short pause), at once on Enter; Escape
// clears it and gives the keyboard back to the lists (onLeave says where that is). A query longer than the API takes (a
// pasted page) is cut to its limit (shared/search-query.ts): the core would refuse it whole.
import { useContext, useEffect, useRef, useState, type RefObject } from 'react';
import { MAX_SEARCH_QUERY, queryToSend } from '../../../shared/search-query';
import { SingleKeysContext } from '../hooks/use-key-hint';
import { SearchIcon } from './icons';

export interface SearchBoxProps {
  readonly query: string;
  readonly onSearch: (query: string) => void;
  readonly inputRef: RefObject<HTMLInputElement | null>;
  /** Escape: focus goes back to what the search box serves (the field alone would leave it on <body>). */
  readonly onLeave: () => void;
}

const PAUSE_MS = 250;

export function SearchBox({ query, onSearch, inputRef, onLeave }: SearchBoxProps) {
  // The "/" that moves here is a single-key shortcut: named only while those are on (use-key-hint.ts).
  const singleKeys = useContext(SingleKeysContext);
  const [text, setText] = useState(query);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // A search cleared elsewhere (the list's "Clear search") empties the field too.
  useEffect(() => setText(query), [query]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const submit = (value: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    onSearch(queryToSend(value));
  };

  return (
    <form
      className="search-box"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        submit(text);
      }}
    >
      <SearchIcon />
      <input
        ref={inputRef}
        type="search"
        aria-label="Search articles"
        placeholder={singleKeys ? 'Search  /' : 'Search'}
        value={text}
        // Pasted text is cut where the query will be, so the field shows what is searched.
        maxLength={MAX_SEARCH_QUERY}
        spellCheck={false}
        onChange={(event) => {
          const value = event.target.value;
          setText(value);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => submit(value), PAUSE_MS);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          setText('');
          submit('');
          // Typing after Escape must not go on into the field while the list loads.
          event.currentTarget.blur();
          onLeave();
        }}
      />
    </form>
  );
}
