// For articles whose comment form is unknown: the draft stays local, and the person carries the
// text to the site. Electron may deny the clipboard; the text is then selected for Ctrl+C.
import type { RefObject } from 'react';

export interface CopyToBrowserButtonProps {
  readonly text: string;
  readonly url: string | null;
  readonly textareaRef: RefObject<HTMLTextAreaElement | null>;
  readonly onOpenLink: (url: string) => void;
  readonly onNote: (note: string) => void;
}

export function CopyToBrowserButton({ text, url, textareaRef, onOpenLink, onNote }: CopyToBrowserButtonProps) {
  const copyAndOpen = async () => {
    try {
      await navigator.clipboard.writeText(text);
      onNote('The text is copied: paste it into the site’s comment form.');
    } catch {
      textareaRef.current?.focus();
      textareaRef.current?.select();
      onNote('The clipboard is not available: the text is selected, copy it with Ctrl+C (⌘C).');
    }
    if (url) onOpenLink(url);
  };
  return (
    <button type="button" className="button" onClick={() => void copyAndOpen()} disabled={!text.trim()}>
      Copy text and open the article in the browser
    </button>
  );
}
