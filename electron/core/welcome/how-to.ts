// The welcome feed's short how-to, shown offline on first launch.
export const HOW_TO = {
  title: 'Welcome to Paperboy: read the news anywhere, even offline',
  author: 'Paperboy',
  html: `<p>Paperboy keeps whole articles, with their pictures, on this computer, so you can read them on a plane, on a train, or anywhere without a network.</p>
<h2>Getting started</h2>
<ol>
<li><strong>Subscribe</strong> to a site: press <em>Add feed</em> and paste the address of the site or of its feed. Paperboy finds the feed for you.</li>
<li><strong>Sync</strong> while you are online: press <em>Sync</em> (or <kbd>r</kbd>). Paperboy fetches the feeds, then each new article's full text and images. Syncing happens only when you ask.</li>
<li><strong>Read</strong> anywhere: everything you synced stays readable with no network. Search covers every cached article.</li>
</ol>
<h2>Keyboard</h2>
<ul>
<li><kbd>j</kbd> / <kbd>k</kbd>: next / previous article; <kbd>n</kbd> / <kbd>p</kbd>: next / previous unread</li>
<li><kbd>space</kbd>: page down in the article; <kbd>o</kbd>: open in the browser</li>
<li><kbd>m</kbd>: mark read or unread; <kbd>s</kbd>: star</li>
<li><kbd>r</kbd>: sync; <kbd>/</kbd>: search; <kbd>g</kbd> <kbd>a</kbd>, <kbd>g</kbd> <kbd>u</kbd>, <kbd>g</kbd> <kbd>s</kbd>: All, Unread, Starred</li>
<li><kbd>?</kbd>: all shortcuts</li>
</ul>
<p>From a terminal, <code>npx paperboy sync</code> does the same sync over the same data.</p>`,
};
