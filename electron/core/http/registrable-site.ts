// "Same site" as browsers mean it (the registrable domain), approximated without the public
// suffix list: the last two labels, or the last three under a two-letter country code with a short
// second level (bbc.co.uk, not co.uk); an IP address or a single-label host stands for itself.
// Asked wherever two addresses must be told one site or two: a comment form posting elsewhere,
// a player's credit line, the sites a Wi-Fi sign-in page or a missing network answers for.

/** The site of a host name (URL.hostname: lower case, an IPv6 address in brackets). */
export function siteOfHost(host: string): string {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (/^\[|^\d+(\.\d+){3}$/.test(name)) return name;
  const labels = name.split('.');
  if (labels.length <= 2) return name;
  const [second, top] = labels.slice(-2) as [string, string];
  const keep = top.length === 2 && second.length <= 3 ? 3 : 2;
  return labels.slice(-keep).join('.');
}
