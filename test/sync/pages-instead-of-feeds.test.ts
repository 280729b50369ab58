// A feed's address that answers with a page standing in front of the site: a firewall's check for
// robots (served 2xx by SiteGround and Sucuri), a login page (a WordPress made members-only sends
// every request to wp-login.php), a parked domain. The feed list said "not a feed: got an HTML
// page" for each, which told the person neither what happened nor what to do. Real server, real
// sync, real storage; what was stored before stays.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';
import { HostileSync } from '../support/hostile-sync';
import { removeTempDirs } from '../support/temp';

let h: HostileSync;
beforeEach(async () => {
  h = await HostileSync.start();
});
afterEach(async () => {
  await h.stop();
  removeTempDirs();
});

const ROBOT_CHECK = /^not a feed: the site answered with a check for robots \((.+)\) that only a web browser can pass: ask the site's owner to let feed readers through$/;

// SiteGround's check: 202 and a page that only sends the browser on to solve a puzzle.
const SITEGROUND = `<html><head><link rel="icon" href="data:;"><meta http-equiv="refresh" content="0;/.well-known/sgcaptcha/?r=%2Ffeed%2F&y=ipr:203.0.113.58:1733512207.914"></meta></head></html>`;

// Sucuri's firewall: 200 and a script that computes the cookie the next request must carry.
const SUCURI = `<html><title>You are being redirected...</title>
<noscript>Javascript is required. Please enable javascript before you are allowed to see this page.</noscript>
<script>var s={},u,c,U,r,i,l=0,a,e=eval,w=String.fromCharCode,sucuri_cloudproxy_js='',S='cD0iNSIgKyAiMyIgKyAnJyArIA==';L=S.length;U=0;r='';var A='ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
for(u=0;u<64;u++){s[A.charAt(u)]=u;}for(i=0;i<L;i++){c=s[S.charAt(i)];U=(U<<6)+c;l+=6;while(l>=8){((a=(U>>>(l-=8))&0xff)||(i<(L-2)))&&(r+=w(a));}}e(r);</script></html>`;

// Cloudflare's managed challenge as a reverse proxy in front of it passes it on with 200.
const CLOUDFLARE = `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="robots" content="noindex,nofollow"><meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body><div class="main-wrapper" role="main"><div class="main-content"><h1 class="zone-name-title h1">harbourlights.example</h1><noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></noscript></div></div>
<script>(function(){window._cf_chl_opt={cvId: '3',cZone: "harbourlights.example",cType: 'managed',cRay: '8ee1a3c94b7d2f10',cH: 'Yz3kq9LrT.Wp2bX'};var cpo = document.createElement('script');cpo.src = '/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8ee1a3c94b7d2f10';window._cf_chl_opt.cOgUHash = location.hash === '' && location.href.indexOf('#') !== -1 ? '#' : location.hash;document.getElementsByTagName('head')[0].appendChild(cpo);}());</script></body></html>`;

// WordPress's login screen, where a members-only plugin sends every request without a session.
const WORDPRESS_LOGIN = `<!DOCTYPE html><html lang="en-GB"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>Log In &lsaquo; Harbour Rowing Club &#8212; WordPress</title><meta name='robots' content='noindex, follow'>
<link rel='stylesheet' id='login-css' href='/wp-admin/css/login.min.css?ver=6.7.1' media='all'></head>
<body class="login no-js login-action-login wp-core-ui locale-en-gb"><div id="login"><h1><a href="https://wordpress.org/">Powered by WordPress</a></h1>
<form name="loginform" id="loginform" action="/wp-login.php" method="post"><p><label for="user_login">Username or Email Address</label><input type="text" name="log" id="user_login" class="input" value="" size="20" autocapitalize="off" autocomplete="username" required="required"></p>
<div class="user-pass-wrap"><label for="user_pass">Password</label><div class="wp-pwd"><input type="password" name="pwd" id="user_pass" class="input password-input" value="" size="20" autocomplete="current-password" spellcheck="false" required="required"></div></div>
<p class="submit"><input type="submit" name="wp-submit" id="wp-submit" class="button button-primary button-large" value="Log In"><input type="hidden" name="redirect_to" value="/feed/"></p></form>
<p id="nav"><a href="/wp-login.php?action=lostpassword">Lost your password?</a></p></div></body></html>`;

// A lapsed name a domain market bought: every path shows its sales page.
const PARKED = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>harbourlights.example is for sale</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>harbourlights.example is for sale!</h1><p>Make an offer today. Secure checkout and fast transfer.</p><a class="cta" href="https://www.hugedomains.com/domain_profile.cfm?d=harbourlights.example">Buy now</a></main>
<footer>Parked free, courtesy of the registrar.</footer></body></html>`;

// A registrar's parked page: a script that sends the browser to its sales page, and nothing else.
const LANDER = `<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"><title></title></head><body><script>window.onload=function(){window.location.href="/lander"}</script></body></html>`;

describe('a page standing in front of the site where the feed was', () => {
  it("a firewall's check for robots, served 2xx, names the firewall and what to ask", async () => {
    const siteground = await h.seeded('/siteground.xml');
    const sucuri = await h.seeded('/sucuri.xml');
    const cloudflare = await h.seeded('/cloudflare.xml');
    h.server.serve('/siteground.xml', { status: 202, body: SITEGROUND, type: 'text/html; charset=UTF-8' });
    h.server.serve('/sucuri.xml', { body: SUCURI, type: 'text/html' });
    h.server.serve('/cloudflare.xml', { body: CLOUDFLARE, type: 'text/html; charset=UTF-8' });
    expect(await h.sync()).toMatchObject({ feedsFailed: 3 });
    expect((await h.expectFailure(siteground, ROBOT_CHECK)).match(ROBOT_CHECK)![1]).toBe('SiteGround');
    expect((await h.expectFailure(sucuri, ROBOT_CHECK)).match(ROBOT_CHECK)![1]).toBe('Sucuri');
    expect((await h.expectFailure(cloudflare, ROBOT_CHECK)).match(ROBOT_CHECK)![1]).toBe('Cloudflare');
    for (const feedId of [siteground, sucuri, cloudflare]) await h.expectKept(feedId);
  });

  it("a members-only site's login page says the feed is for members and which address to use", async () => {
    const feedId = await h.seeded('/members.xml');
    h.server.redirect('/members.xml', '/wp-login.php?redirect_to=%2Fmembers.xml&reauth=1', 302);
    h.server.serve('/wp-login.php', { body: WORDPRESS_LOGIN, type: 'text/html; charset=UTF-8' });
    await h.sync();
    await h.expectFailure(feedId, /^not a feed: got a login page: the feed is for the site's members; subscribe with the private feed address the site gives its members$/);
    await h.expectKept(feedId);
  });

  it('a parked domain says the site may have closed or moved', async () => {
    const market = await h.seeded('/parked.xml');
    const registrar = await h.seeded('/lander.xml');
    h.server.serve('/parked.xml', { body: PARKED, type: 'text/html; charset=utf-8' });
    h.server.serve('/lander.xml', { body: LANDER, type: 'text/html; charset=utf-8' });
    await h.sync();
    for (const feedId of [market, registrar]) {
      await h.expectFailure(feedId, /^not a feed: the address now shows a parked domain \(the name is for sale or has lapsed\): the site may have closed or moved; find its new address, or unsubscribe$/);
      await h.expectKept(feedId);
    }
  });
});

describe("a site's own page", () => {
  it('with a login form in its sidebar, or words about domains for sale, is an ordinary page, and names the feed it links', async () => {
    const blog = (head: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Notes on naming – Harbour Lights</title>${head}</head><body>
<main><article><h1>Why we kept our old name</h1><p>Every year someone writes to say that a domain like ours is for sale for thousands, and asks whether we would sell.</p></article></main>
<aside><h2>Members</h2><form action="/wp-login.php" method="post"><input type="text" name="log"><input type="password" name="pwd"><button>Log in</button></form></aside></body></html>`;
    await expect(parseFeed(blog(''), 'https://harbourlights.example/feed/')).rejects.toThrow(/^not a feed: got an HTML page$/);
    // An article about buying a name, linking a domain market, is no parked page.
    const story = '<p>We looked at what the name would cost on <a href="https://www.hugedomains.com/">a domain market</a>, and what the shop next door paid for theirs.</p>'.repeat(20);
    await expect(parseFeed(blog('').replace('</article>', `${story}</article>`), 'https://harbourlights.example/feed/')).rejects.toThrow(/^not a feed: got an HTML page$/);
    // Cloudflare's bot detection, which it adds to the pages it lets through, is no check page.
    const detection = `<script>(function(){function c(){var b=a.contentDocument||a.contentWindow.document;if(b){var d=b.createElement('script');d.innerHTML="window.__CF$cv$params={r:'8ee1a3c94b7d2f10',t:'MTczMzUxMjIwNy4wMDAwMDA='};var a=document.createElement('script');a.nonce='';a.src='/cdn-cgi/challenge-platform/scripts/jsd/main.js';document.getElementsByTagName('head')[0].appendChild(a);";b.getElementsByTagName('head')[0].appendChild(d)}}var a=document.createElement('iframe');a.height=1;a.width=1;a.style.display='none';document.body.appendChild(a);c()})();</script>`;
    const linking = blog('<link rel="alternate" type="application/rss+xml" title="Harbour Lights » Feed" href="https://harbourlights.example/rss/">').replace('</body>', `${detection}</body>`);
    await expect(parseFeed(linking, 'https://harbourlights.example/feed/')).rejects.toThrow(
      /^not a feed: got an HTML page, which links the feed https:\/\/harbourlights\.example\/rss\/: subscribe to that address instead$/,
    );
  });
});
