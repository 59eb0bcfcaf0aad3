#!/usr/bin/env node
// Regenerates the demo collection files from demo-articles.mjs:
//   examples/demo/html/<id>.html      one news page per article (format 'html')
//   examples/demo/rss/gulf-bulletin.xml   an RSS 2.0 feed with the full text (format 'rss')
//   examples/demo/jsonl/mashreq-wire.jsonl  one JSON object a line (format 'jsonl')
// Run: node examples/build-demo.mjs
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTICLES, SOURCES } from './demo-articles.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), 'demo');
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const urlOf = (a) => `${SOURCES[a.format].site}/news/${a.id}`;
const rfc822 = (d) => new Date(d + 'T08:00:00Z').toUTCString().replace('GMT', '+0000');

function html(a) {
  const src = SOURCES.html;
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>${esc(a.title)} | ${esc(src.name)}</title>
<meta property="og:site_name" content="${esc(src.name)}">
<meta property="og:title" content="${esc(a.title)}">
<meta property="og:url" content="${esc(urlOf(a))}">
<meta property="article:published_time" content="${a.published}T08:00:00+03:00">
<link rel="canonical" href="${esc(urlOf(a))}">
</head>
<body>
<header><nav><a href="/">الرئيسية</a> | <a href="/iraq">العراق</a> | <a href="/region">المنطقة</a> | <a href="/economy">اقتصاد</a></nav></header>
<main>
<article>
<h1>${esc(a.title)}</h1>
<p class="meta"><span class="place">${esc(a.place)}</span> - <time datetime="${a.published}">${a.published}</time></p>
${a.text.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article>
</main>
<footer><p>جميع الحقوق محفوظة - ${esc(src.name)} (موقع تجريبي لمجموعة مرصد)</p></footer>
</body>
</html>
`;
}

function rss(items) {
  const src = SOURCES.rss;
  const body = items
    .map(
      (a) => `  <item>
    <title>${esc(a.title)}</title>
    <link>${esc(urlOf(a))}</link>
    <guid isPermaLink="false">${a.id}</guid>
    <pubDate>${rfc822(a.published)}</pubDate>
    <category>${esc(a.place)}</category>
    <description>${esc(a.text.join('\n\n'))}</description>
  </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
  <title>${esc(src.name)}</title>
  <link>${esc(src.site)}</link>
  <description>أخبار دول الخليج (موجز تجريبي لمجموعة مرصد)</description>
  <language>ar</language>
${body}
</channel>
</rss>
`;
}

function jsonl(items) {
  return items
    .map((a) =>
      JSON.stringify({ id: a.id, source: SOURCES.jsonl.name, url: urlOf(a), title: a.title, published: a.published, place: a.place, text: a.text.join('\n\n') }),
    )
    .join('\n') + '\n';
}

rmSync(root, { recursive: true, force: true });
for (const d of ['html', 'rss', 'jsonl']) mkdirSync(join(root, d), { recursive: true });
const by = (f) => ARTICLES.filter((a) => a.format === f);
for (const a of by('html')) writeFileSync(join(root, 'html', `${a.id}.html`), html(a));
writeFileSync(join(root, 'rss', 'gulf-bulletin.xml'), rss(by('rss')));
writeFileSync(join(root, 'jsonl', 'mashreq-wire.jsonl'), jsonl(by('jsonl')));
console.log(`demo: ${by('html').length} html, ${by('rss').length} rss items, ${by('jsonl').length} jsonl lines → ${root}`);
