// A search snippet with its matches in <mark>: built from text nodes, never from HTML.
import { useMemo } from 'react';
import { splitHighlight } from '../lib/highlight';

export function Highlighted({ text }: { readonly text: string }) {
  const parts = useMemo(() => splitHighlight(text), [text]);
  return (
    <>
      {parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}
