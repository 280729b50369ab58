// A cookie-consent page served in place of the article. A reader fetches without cookies, so in
// the EU every story of some sites (Yahoo's and AOL's consent hosts, the IAB framework's walls)
// answers with one, on the article's address or after a redirect to a consent host; its legal
// text ("We and our 842 partners store and/or access information on a device...") reads to
// extraction as an article. What every such wall has: a button to accept (or reject) everything,
// and talk of consent and of cookies or partners, on a page whose readable text is short.

// A login wall stands in the same way for a post on a social site that shows nothing to a reader
// who is not signed in (Instagram, Facebook, Threads): "Log in to Instagram to see photos and
// videos from your friends. Log in Sign up", the post itself only in its <title> and <meta>s.

/** Readable text longer than this is an article, whatever it says about cookies. */
const WALL_TEXT = 4000;
// The whole labels of the consent platforms' buttons (OneTrust, Quantcast/InMobi Choice, Didomi,
// Sourcepoint, Usercentrics, Yahoo's and Google's consent pages) in the languages of the countries
// that show them: to accept, and to reject everything, beside it. (Lower case; "&" written as
// sites write it.)
const AND = '(?:and|&amp;|&)';
const APOSTROPHE = "(?:'|’|&#0?39;|&#x27;|&apos;|&rsquo;)";
const WALL_BUTTON_LABELS = [
  // English
  '(?:accept|reject|allow|deny) all(?: cookies)?', 'accept(?: cookies)?', 'i (?:agree|accept)', 'agree', `(?:agree|accept) ${AND} (?:continue|close|proceed)`,
  // German
  'alle(?:s| cookies)? (?:akzeptieren|ablehnen|zulassen|annehmen)', `(?:akzeptieren|zustimmen)(?: (?:und|&amp;|&) (?:schlie(?:ß|ss|&szlig;)en|weiter))?`, 'ich stimme zu', 'einverstanden',
  // French
  'tout (?:accepter|refuser)', `accepter(?: tout| tous les cookies| (?:et|&amp;|&) (?:fermer|continuer))?`, `j${APOSTROPHE}accepte`, 'continuer sans accepter',
  // Spanish
  'aceptar(?: todo| todas(?: las cookies)?| y (?:cerrar|continuar))?', 'acepto', 'rechazar tod[oa]s?',
  // Italian
  'accetta(?: tutto| tutti(?: i cookie)?| e (?:chiudi|continua))?', 'accetto', 'rifiuta tutt[oi]',
  // Dutch
  'alles? (?:cookies )?(?:accepteren|weigeren|afwijzen|toestaan)', 'accepteren(?: en sluiten)?', '(?:ik ga )?akkoord(?: en sluiten)?',
  // Portuguese
  'aceitar(?: tudo| todos(?: os cookies)?| e fechar)?', 'aceito', 'concordo', 'concordar e fechar', 'rejeitar tudo',
  // Polish
  'zaakceptuj(?: wszystk(?:o|ie))?', 'akceptuj(?:ę)?(?: wszystk(?:o|ie)(?: pliki cookie)?| i (?:zamykam|przechodzę do serwisu))?', 'zgadzam się(?: i zamykam)?', 'odrzuć wszystk(?:o|ie)',
  // Swedish, Danish, Norwegian, Finnish
  'godkänn(?: alla(?: cookies)?| och stäng)?', 'acceptera(?: alla(?: cookies)?)?', 'jag godkänner', '(?:avvisa|tillåt) alla',
  'accept[eé]r(?: alle(?: cookies)?| og luk)?', 'jeg accepterer', '(?:afvis|tillad) alle', 'godta(?: alle)?', 'jeg godtar', 'avvis alle',
  'hyväksy(?: kaikki)?', 'hylkää kaikki',
].join('|');
// The label is a control's whole text (a button, a link, an element playing a button, perhaps in
// a span or two), or an input's value: the same words in a sentence, in bold or quoted, are an
// article's prose about such walls, not the wall's button.
const ACCEPT_BUTTON = new RegExp(
  `(?:<(?:button|a)\\b[^>]*>|<[a-z][\\w-]*\\s[^>]*\\brole=["']?button\\b[^>]*>)(?:\\s*<(?:span|div|strong|b|p)\\b[^>]*>){0,3}\\s*(?:${WALL_BUTTON_LABELS})\\s*<` +
    `|<input\\b[^>]*\\bvalue=["']\\s*(?:${WALL_BUTTON_LABELS})\\s*["']`,
  'iu',
);
// Consent, and cookies or partners, in the same languages (consentement, consentimiento,
// consentimento and consenso start alike; Zustimmung, Einwilligung, toestemming, zgoda, samtycke,
// samtykke, suostumus; partenaires, socios, parceiros, kakor, informasjonskapsler, evästeet).
const CONSENT = /\bconsen[st]|einwillig|zustimm|toestemm|\bzgod(?:a|y|ę|ą|zie)?(?!\p{L})|samty(?:ck|kk)e|suostum/iu;
const WHAT_IS_ASKED = /\bcookie|\bpartner|partenaires|\bsocios\b|parceiros|\bkakor\b|informasjonskapsl|evästee/iu;

/** Which wall the page (its raw HTML, and the text extraction read from it) is, if any. */
export function wallOf(pageHtml: string, extractedText: string): 'consent' | 'login' | null {
  if (isConsentWall(pageHtml, extractedText)) return 'consent';
  if (isLoginWall(pageHtml, extractedText)) return 'login';
  return null;
}

function isConsentWall(pageHtml: string, extractedText: string): boolean {
  if (extractedText.length > WALL_TEXT || !CONSENT.test(extractedText) || !WHAT_IS_ASKED.test(extractedText)) return false;
  return ACCEPT_BUTTON.test(pageHtml);
}

// A login wall says a sentence or two: a short story may quote one, and be no wall.
const LOGIN_WALL_TEXT = 1000;
// The wall's request opens its text or a sentence of it: to sign in (or up) to see, read or go on,
// in the languages of the sites' own walls ("Melde dich an, um Fotos und Videos deiner Freunde zu
// sehen", "Connecte-toi pour voir", "Inicia sesión para ver", "Accedi per vedere", "Entre para
// ver", "Log in om ... te bekijken"). A story that tells of such walls puts the words mid-sentence.
const SEE = '(?:see|view|watch|read|continue|keep reading|access)';
const LOGIN_REQUESTS = [
  `(?:you (?:must|need to|have to) )?(?:log ?in|sign ?in|sign up|create an account)\\b[^.!?\\n]{0,40}?\\b(?:to|and) ${SEE}`,
  `(?:melde dich an|melden sie sich an|registriere dich|registrieren sie sich)\\b[^.!?\\n]{0,80}?\\b(?:zu sehen|anzusehen|zu lesen|weiterzulesen|fortzufahren)`,
  '(?:connecte-toi|connectez-vous|inscris-toi|inscrivez-vous)\\b[^.!?\\n]{0,40}?\\bpour (?:voir|lire|regarder|continuer|accéder)',
  '(?:inicia sesión|inicie sesión|regístrate|regístrese|entre|faça login|inicie sessão|cadastre-se|inscreva-se)\\b[^.!?\\n]{0,40}?\\bpara (?:ver|leer|ler|mirar|continuar|acceder|acessar|aceder)',
  '(?:accedi|iscriviti|registrati)\\b[^.!?\\n]{0,40}?\\bper (?:vedere|leggere|guardare|continuare)',
  "(?:log in|meld je aan|registreer je)\\b[^.!?\\n]{0,80}?\\b(?:te (?:zien|bekijken|lezen)|verder te gaan)",
].join('|');
const LOGIN_REQUEST = new RegExp(`(?:^|[.!?]\\s+|\\n\\s*)(?:please |bitte |veuillez )?(?:${LOGIN_REQUESTS})`, 'iu');
// And the wall's own control: a link or button whose whole label is to sign in or up.
const LOGIN_LABELS = [
  'log ?in', 'sign ?in', 'sign up', 'anmelden', 'registrieren', 'se connecter', 'connexion', "s'inscrire", 'inscription',
  'iniciar sesión', 'regístrate', 'entrar', 'cadastre-se', 'accedi', 'iscriviti', 'inloggen', 'registreren', 'aanmelden',
].join('|');
const LOGIN_CONTROL = new RegExp(`<(?:a|button)\\b[^>]*>(?:\\s*<(?:span|div|strong|b)\\b[^>]*>){0,3}\\s*(?:${LOGIN_LABELS})\\s*<`, 'iu');

function isLoginWall(pageHtml: string, extractedText: string): boolean {
  return extractedText.length <= LOGIN_WALL_TEXT && LOGIN_REQUEST.test(extractedText) && LOGIN_CONTROL.test(pageHtml);
}
