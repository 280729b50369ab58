// The lines a news template sets after the story's last paragraph (closing-lines.ts): what a
// reader finds at the end of the stored copy, through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const PAGE_URL = 'https://news.example/2024/08/02/story/';

function storedText(lang: string, body: string): string {
  const html = `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Story</title></head>
<body><header class="site-header"><a href="/">News</a><nav><ul><li><a href="/a/">Politics</a></li><li><a href="/b/">Sport</a></li></ul></nav></header>
<main>${body}</main><footer class="site-footer"><p>Contact us</p></footer></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL }).text;
}

const korean = [
  '부산시가 다음 달부터 시내버스 심야 노선 네 개를 새로 운행한다고 2일 밝혔다. 새 노선은 오후 11시부터 다음 날 오전 2시까지 30분 간격으로 다닌다.',
  '시는 지난해 심야 택시 승차난이 이어지자 버스 노선을 늘리는 방안을 검토해 왔다. 새 노선은 서면과 해운대, 사상과 하단을 잇는다.',
  '부산시 관계자는 "야간 근무자와 학생들의 귀갓길이 한결 편해질 것"이라며 "이용 실적을 보고 노선을 더 늘리겠다"고 말했다.',
];

describe("a Korean story's sign-off", () => {
  it("keeps the reporter's name and address, the byline written at the end, and drops the rights line after it", () => {
    const text = storedText('ko', `<article><h1>부산 심야버스 4개 노선 신설</h1><div id="article-view-content-div" itemprop="articleBody">${korean.join('<br /><br />')}<br /><br />이수민 기자 sumin.lee@busan-ilbo.example<br /><br />저작권자 © 부산일보 무단전재 및 재배포 금지</div></article>`);
    expect(text).toContain('이수민 기자 sumin.lee@busan-ilbo.example');
    expect(text).not.toContain('무단전재');
    expect(text).toContain(korean[2]);
  });

  it("drops a wire reporter's bare address, the body's last paragraph, and keeps every paragraph before it", () => {
    const text = storedText('ko', `<div class="article_view"><section>${korean.map((line) => `<p dmcf-ptype="general">${line}</p>`).join('')}<p dmcf-ptype="general">sumin@yna.example.kr</p></section></div>`);
    expect(text).not.toContain('sumin@yna.example.kr');
    for (const line of korean) expect(text).toContain(line);
  });

  it('keeps an address that a sentence of the story gives', () => {
    const ending = '신청은 이메일(night-bus@busan.example)로 받는다.';
    const text = storedText('ko', `<article>${korean.map((line) => `<p>${line}</p>`).join('')}<p>${ending}</p></article>`);
    expect(text).toContain(ending);
  });
});

const portuguese = [
  'A Prefeitura de Sorocaba (SP) abriu nesta segunda-feira as inscrições para o programa de hortas comunitárias em terrenos públicos ociosos.',
  'Segundo a prefeitura, 40 terrenos foram mapeados em bairros das zonas norte e oeste. Cada grupo de moradores poderá cuidar de um terreno por dois anos.',
  'As inscrições vão até 30 de agosto e podem ser feitas pelo site da prefeitura ou nas unidades do Poupatempo.',
];

describe("a Brazilian portal's closing lines", () => {
  it("drops the label of a video playlist the copy has not got, and the pointer to the site's section", () => {
    const column = (inner: string) => `<div class="mc-column content-text"><p class="content-text__container">${inner}</p></div>`;
    const text = storedText('pt-BR', `<article itemprop="articleBody">${portuguese.map(column).join('')}${column('<strong>VÍDEOS: tudo sobre Sorocaba e Jundiaí</strong>')}${column('Veja mais notícias da região no <a href="https://portal.example/sp/sorocaba-jundiai/">g1 Sorocaba e Jundiaí</a>.')}</article>`);
    expect(text).not.toContain('VÍDEOS');
    expect(text).not.toContain('Veja mais notícias');
    for (const line of portuguese) expect(text).toContain(line);
  });

  it('keeps a story paragraph that starts with the same word', () => {
    const ending = 'Vídeos gravados pelos moradores mostram o terreno antes e depois da limpeza, feita em mutirão no fim de semana.';
    const text = storedText('pt-BR', `<article>${portuguese.map((line) => `<p>${line}</p>`).join('')}<p>${ending}</p></article>`);
    expect(text).toContain(ending);
  });
});

describe("a science news release's end, as a platform that hosts institutions' releases prints it", () => {
  const release = [
    'LANCASTER, UK — Upland peat bogs whose eroded gullies were dammed with heather bales went back to storing carbon within five years, according to a study published today.',
    'The researchers measured carbon dioxide and methane over 14 years at 22 sites on the South Pennine moors, half of which had been restored between 2009 and 2012.',
    'The study was funded by the Natural Environment Research Council and the Environment Agency.',
  ];
  const page = (after: string, siteName = 'EurekAlert!') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Peat bogs store carbon again | ${siteName}</title><meta property="og:site_name" content="${siteName}"></head>
<body><main><article class="article"><h1 class="page_title">Peat bogs store carbon again</h1>
<figure class="main-image"><img src="https://media.example/peat-dam.jpg" alt="A heather-bale dam" width="600" height="400"><figcaption><h5 class="title">IMAGE: </h5><p>Volunteers build a dam of heather bales across a gully.</p><p class="credit">Credit: Moors for the Future</p><a class="view" href="/multimedia/1018334">view more</a></figcaption></figure>
<div class="entry">${release.map((text) => `<p>${text}</p>`).join('')}<p>###</p></div>${after}</article></main></body></html>`;
  const text = (html: string) => prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL }).text;
  const disclaimer = '<div class="disclaimer"><p><strong>Disclaimer:</strong> AAAS and EurekAlert! are not responsible for the accuracy of news releases posted to EurekAlert! by contributing institutions or for the use of any information through the EurekAlert system.</p></div>';

  it('drops the "###" that ends it and the platform\'s disclaimer naming itself; the release\'s last line stays', () => {
    const read = text(page(disclaimer));
    expect(read).toContain(release[2]);
    expect(read).not.toContain('###');
    expect(read).not.toContain('Disclaimer');
  });

  it('drops the "###" that ends it when the organisation\'s "About" paragraph follows it, which stays', () => {
    const about = '<div class="entry"><p><em>The mission of the Moors for the Future Partnership is to protect and restore the moors of the Peak District and South Pennines. For more information, visit moorsforthefuture.example.</em></p></div>';
    const read = text(page(about));
    expect(read).toContain(release[2]);
    expect(read).toContain('The mission of the Moors for the Future Partnership');
    expect(read).not.toContain('###');
  });

  it("keeps a disclaimer that does not name the site: the story's own", () => {
    expect(text(page(disclaimer, 'Peat News'))).toContain('Disclaimer: AAAS and EurekAlert!');
  });

  it('drops the caption\'s "IMAGE:" label and its "view more" link, and keeps the caption and its credit', () => {
    const read = text(page(''));
    expect(read).toContain('Volunteers build a dam of heather bales across a gully.');
    expect(read).toContain('Credit: Moors for the Future');
    expect(read).not.toContain('IMAGE:');
    expect(read).not.toContain('view more');
  });
});
