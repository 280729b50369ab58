// An article page's DOM, for its readers in articles/ (extraction, the comment form, comment
// pages). In a sync's prepare (workers/tasks.ts) a page with a WordPress comment form gets one DOM
// for both its readers: the form is read from it first, then extraction takes it over and cuts it
// up. Parsing is most of what either costs, and such pages (the kind Paperboy is for) were parsed
// twice.
import type * as Linkedom from 'linkedom';
import { lazyModule } from '../system/lazy-module';
import { markupTooComplex } from './markup-limits';

const linkedom = lazyModule<typeof Linkedom>('linkedom');

/** The page's DOM. Throws on what linkedom cannot parse: callers that must not throw catch it. */
export function parsePage(html: string): Document {
  return linkedom().parseHTML(html).document as unknown as Document;
}

/** The page's DOM for several readers, or undefined when it is too complex to parse or cannot be
 *  parsed: each reader then decides alone, as it would without sharing. */
export function pageDocumentToShare(html: string): Document | undefined {
  if (markupTooComplex(html)) return undefined;
  try {
    return parsePage(html);
  } catch {
    return undefined;
  }
}
