// The lines newsrooms across the English-speaking world set in a story's text to send the reader
// to more of the site, that Readability keeps for standing among the story's paragraphs: India's
// closing line "Catch all the Latest India News, Breaking News Events … on Hindustan Times" (Mint's,
// the Economic Times', News18's, Business Standard's), a call to join the site's own channel named
// for it ("Join News24's WhatsApp channel…", "Join ST's Telegram channel…"), and one to download
// the site's app from the stores ("Download the Punch News App on Android and iOS for breaking
// news"), the desk's call for tips or comments ("Got a story to share? Email …"), and its call to
// report a mistake that a corrections policy puts under every story ("We believe in transparency.
// If you think we have got something wrong, please get in touch.", "Spotted an error? Let us know"),
// and a wire's "View original content:" line under a press release. Each is told by the phrase many sites share and a line's length, never by one site's
// name or classes; a story's own sentence about news, channels or apps says more, or says it of
// someone else. Asked of every <p> and every <div> of text alone: a cheap test of the first
// letters comes first.
import { firstText, holdsMoreTextThan } from './page-walk';

/** A trailer is a line or two: a paragraph of the story says more. */
const TRAILER_TEXT = 300;
/** How such a line opens: the cheap test. */
const OPENING = /^[\s\p{Extended_Pictographic}\u{FE0F}]*(?:catch|get|join|download|install|have|got|we|if|spotted|spot|see|seen|found|noticed?|view)\b/iu;

/** "Catch all the Latest India News, Breaking News Events…", "Catch all the Business News, Market
 *  News…", "Catch the latest updates…", "Get Latest News Live on Times Now…": the site's offer of
 *  more of its news. */
const MORE_NEWS = /^\s*(?:catch (?:all the|the latest|all latest)|get (?:all )?(?:the )?latest)\b[^.!]*\b(?:news|updates|headlines)\b/i;

/** "Join News24's WhatsApp channel", "Join ST's Telegram channel", "Join the Nation's WhatsApp
 *  community": the site, named in the possessive, and the platform its channel is on. */
const JOIN_OWN_CHANNEL =
  /^[\s\p{Extended_Pictographic}\u{FE0F}]*join (?:the )?[\p{L}\p{N}&.-]+(?: [\p{L}\p{N}&.-]+){0,3}['’]s? (?:official )?(?:whatsapp|telegram|google news|instagram|facebook|youtube|tiktok|signal|viber)\b[^.!]{0,20}\b(?:channel|community|group|page|feed)\b/iu;

/** "Download the Punch News App on Android and iOS", "Download our app from Google Play", "Install
 *  the app for breaking news": the site's app (a name of a few words at most), and where to get it
 *  or what it brings. A story's sentence about an app names no store and offers no news. */
const OWN_APP = /^\s*(?:download|get|install) (?:the|our) (?:[\p{L}\p{N}&.-]+ ){0,3}app\b/iu;
const APP_STORE_OR_NEWS = /\b(?:android|ios|iphone|google play|play store|app store|app gallery|breaking news|latest news|news alerts)\b/i;

/** The desk's call for the reader's tips or comments, a question and where to send them ("Got a
 *  story to share? Email newstips@…", Stuff's; "Have something to add to the story? Share it in the
 *  comments below.", the Express Tribune's): the reader shows the comments in their own place. */
const READERS_CALL =
  /^\s*(?:have|got) (?:something to add|a (?:story|tip|news tip|question)|any (?:tips?|information))\b[^?]{0,80}\?\s*(?:share (?:it|them) in the comments|email\b|e-mail\b|contact (?:us|our)|tell us|let us know|write to us)/i;

/** The call to report a mistake: the site's promise first, maybe ("We believe in transparency.",
 *  "We strive for accuracy and fairness."), a mistake the reader may find ("If you think we have got
 *  something wrong", "If you see something that doesn't look right", "Spotted an error?"), and a
 *  way to tell the site, and nothing after it but where ("…, contact us at corrections@…"). Told the
 *  site, "us": a story's "If you think the council got it wrong, get in touch with the ombudsman" is
 *  the story's. */
const CORRECTIONS_CALL = new RegExp(
  String.raw`^\s*(?:we (?:believe in|strive for|are committed to|value|care about) [^.!?]{0,60}[.!]\s*)?` +
    String.raw`(?:if you (?:think|believe|see|spot|notice|find|found|have found)\b[^.?!]{0,60}?\b(?:wrong|errors?|mistakes?|inaccura\w+|typos?|(?:look|looks|seem|seems) right)\b` +
    String.raw`|(?:spotted|spot|see|seen|found|noticed?) (?:an? |any )?(?:errors?|mistakes?|typos?|inaccurac(?:y|ies))\b)` +
    String.raw`[^.?!]{0,40}?[,.?!]?\s*(?:please |then )?` +
    String.raw`(?:get in touch(?: with us)?|contact us|let us know|tell us|e-?mail us|write to us|click here(?: to (?:contact|tell|let) us(?: know)?)?)` +
    String.raw`(?:\s+(?:at|via|on)\s+\S+?)?\s*[.!]?\s*$`,
  'i',
);

/** The wire's pointer back to the release on its own site, which every copy of it carries (PR
 *  Newswire's "View original content to download multimedia:https://…", Business Wire's "View source
 *  version on businesswire.com: https://…"): a label and an address, nothing else. */
const WIRE_ORIGINAL = /^\s*view (?:original content|source version)\b[^:]{0,40}:\s*\S+\s*$/i;

/** A short line that sends the reader to the site's news, channel or app (see above). */
export function isNewsroomTrailer(element: Element): boolean {
  const first = firstText(element);
  if (first === null || !OPENING.test(first) || holdsMoreTextThan(element, TRAILER_TEXT)) return false;
  const text = (element.textContent ?? '').replace(/\s+/g, ' ');
  return MORE_NEWS.test(text) || JOIN_OWN_CHANNEL.test(text) || (OWN_APP.test(text) && APP_STORE_OR_NEWS.test(text)) || READERS_CALL.test(text) || CORRECTIONS_CALL.test(text) || WIRE_ORIGINAL.test(text);
}
