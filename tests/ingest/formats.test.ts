import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDateline, parseTxt } from '../../src/ingest/txt.js';
import { decodeBytes } from '../../src/ingest/decode.js';
import { extractHtmlArticle } from '../../src/ingest/html.js';
import { parseFeed, isFeed } from '../../src/ingest/feed.js';
import { recordsOf, recordToArticle, sniffJson } from '../../src/ingest/records.js';
import { sniffFormat, walkFiles } from '../../src/ingest/run.js';
import { htmlToText } from '../../src/ingest/htmltext.js';

const FIX = join(__dirname, '..', 'fixtures', 'ingest');
const rows = readFileSync(join(__dirname, 'datelines.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .slice(1)
  .map((l) => l.split('\t'));

describe('datelines', () => {
  it.each(rows)('%s', (line, source, place) => {
    const d = parseDateline(line);
    if (!source && !place) expect(d).toBeNull();
    else expect(d).toMatchObject({ source, place });
  });
});

describe('.txt articles', () => {
  it('takes the first line as title, a date line as publication date, the dateline as source/place', () => {
    const a = parseTxt(readFileSync(join(FIX, 'texts', 'beirut-reuters.txt'), 'utf8'));
    expect(a.title).toBe('مصرف لبنان يمدد العمل بتعميم السحوبات النقدية');
    expect(a.published).toBe('2020-06-30');
    expect(a.source).toBe('رويترز');
    expect(a.place).toBe('بيروت');
    expect(a.text.startsWith('بيروت - رويترز:')).toBe(true);
  });
  it('keeps a long first line as body text (no title)', () => {
    const a = parseTxt(readFileSync(join(FIX, 'texts', 'cairo-afp-long-first-line.txt'), 'utf8'));
    expect(a.title).toBeNull();
    expect(a.text.startsWith('القاهرة (أ ف ب) -')).toBe(true);
    expect(a.source).toBe('أ ف ب');
  });
  it('handles CRLF and leading blank lines', () => {
    const a = parseTxt('\r\n\r\nعنوان قصير\r\n\r\nنص الخبر هنا.\r\n');
    expect(a.title).toBe('عنوان قصير');
    expect(a.text).toBe('نص الخبر هنا.');
  });
  it('reads a file of one line as the text, not as a title without one', () => {
    const a = parseTxt('زار الرئيس المصري الرياض أمس والتقى ولي العهد السعودي.\n');
    expect(a.title).toBeNull();
    expect(a.text).toBe('زار الرئيس المصري الرياض أمس والتقى ولي العهد السعودي.');
  });
});

describe('encodings', () => {
  it('decodes a windows-1256 page declared by <meta http-equiv>', () => {
    const buf = readFileSync(join(FIX, 'pages', 'beirut-budget-1256.html'));
    const { text, encoding } = decodeBytes(buf);
    expect(encoding).toBe('windows-1256');
    expect(text).toContain('الحكومة اللبنانية تقر موازنة العام المقبل');
  });
  it('falls back to windows-1256 when undeclared bytes are not UTF-8', () => {
    const src = readFileSync(join(FIX, 'pages', 'beirut-budget-1256.html'));
    const stripped = Buffer.from(src.toString('latin1').replace(/<meta[^>]*>/i, ''), 'latin1');
    expect(decodeBytes(stripped).text).toContain('مجلس الوزراء اللبناني');
  });
  it('honours the HTTP charset and a UTF-8 BOM', () => {
    expect(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('سلام')])).text).toBe('سلام');
    const enc = new TextDecoder('windows-1256');
    const bytes = Buffer.from([0xd3, 0xe1, 0xc7, 0xe3]); // سلام in windows-1256
    expect(enc.decode(bytes)).toBe('سلام');
    expect(decodeBytes(bytes, 'text/html; charset=windows-1256').text).toBe('سلام');
  });
});

describe('HTML pages', () => {
  it('extracts the article, not the boilerplate, with its metadata', () => {
    const a = extractHtmlArticle(readFileSync(join(FIX, 'pages', 'water-talks.html'), 'utf8'), 'http://x/');
    expect(a.title).toBe('الأردن ومصر تبحثان أزمة المياه في المنطقة');
    expect(a.published).toBe('2019-03-12T08:15:00+02:00');
    expect(a.author).toBe('سلمى الخطيب');
    expect(a.source).toBe('شبكة الخبر');
    expect(a.url).toBe('https://example.org/news/2019/03/water-talks');
    expect(a.text).toContain('أيمن الصفدي');
    expect(a.text).not.toContain('لا يجب أن يظهر');
    expect(a.text).not.toContain('الأكثر قراءة');
    expect(a.text).not.toContain('جميع الحقوق');
    // a literal <script> in the article stays as text
    expect(a.text).toContain('<script>alert("x")</script>');
    // paragraphs stay separate
    expect(a.text.split('\n\n').length).toBeGreaterThanOrEqual(4);
  });
  it('reads JSON-LD datePublished, unclosed <p>, a title with a site suffix', () => {
    const a = extractHtmlArticle(readFileSync(join(FIX, 'pages', 'gulf-health.html'), 'utf8'));
    expect(a.published).toBe('2020-01-15T09:30:00+03:00');
    expect(a.title).toBe('الكويت تفتتح أكبر مستشفى للأطفال في الخليج');
    expect(a.author).toBe('فهد العنزي');
    expect(a.text).toContain('الإِمَارَات');
    expect(a.text).not.toContain('اشترك في النشرة');
  });
  it('reads <time datetime> in a windows-1256 page', () => {
    const html = decodeBytes(readFileSync(join(FIX, 'pages', 'beirut-budget-1256.html'))).text;
    const a = extractHtmlArticle(html);
    expect(a.published).toBe('2019-10-21');
    expect(a.title).toBe('الحكومة اللبنانية تقر موازنة العام المقبل');
    expect(a.text).toContain('مصرف لبنان');
  });
  it('reports a page without text', () => {
    expect(extractHtmlArticle('<html><body><nav>x</nav></body></html>').problem).toBeTruthy();
  });
});

describe('feeds', () => {
  it('parses RSS 2.0 items (CDATA, content:encoded, dc:creator, entities)', () => {
    const xml = readFileSync(join(FIX, 'feeds', 'news.rss'), 'utf8');
    expect(isFeed(xml)).toBe('rss');
    const f = parseFeed(xml);
    expect(f.title).toBe('نشرة الخليج');
    expect(f.items).toHaveLength(3);
    expect(f.items[0]).toMatchObject({ title: 'افتتاح معرض الرياض الدولي للكتاب', published: 'Wed, 02 Oct 2019 15:00:00 GMT' });
    expect(f.items[0].key.startsWith('gulf-2019-1001|')).toBe(true);
    expect(f.items[0].text).toBe('افتتح وزير الثقافة السعودي معرض الرياض الدولي للكتاب بمشاركة تسعمئة دار نشر.');
    expect(f.items[1].author).toBe('منى عبد الحميد');
    expect(f.items[1].text.split('\n\n')).toHaveLength(2);
    expect(f.items[2].text).toContain('المشتركة & الربط');
  });
  it('keys an item by its link when its guid is a bare number, so an edited text is the same item', () => {
    const feed = (text: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>نشرة</title><item><title>خبر</title><guid isPermaLink="false">123</guid><link>https://news.example/a/123</link><description>${text}</description></item></channel></rss>`;
    const before = parseFeed(feed('نص أول للخبر.')).items[0];
    const after = parseFeed(feed('نص معدل للخبر بعد التحديث.')).items[0];
    expect(before.key).toBe('https://news.example/a/123');
    expect(after.key).toBe(before.key);
  });
  it('parses Atom entries (html content, summary, alternate link)', () => {
    const xml = readFileSync(join(FIX, 'feeds', 'news.atom'), 'utf8');
    expect(isFeed(xml)).toBe('atom');
    const f = parseFeed(xml);
    expect(f.title).toBe('أخبار المغرب العربي');
    expect(f.items).toHaveLength(2);
    expect(f.items[0]).toMatchObject({ key: 'tag:example.org,2019:maghreb-77', link: '{{BASE}}/maghreb/77', published: '2019-11-04T08:00:00Z', author: 'يوسف بنعلي' });
    expect(f.items[0].text).not.toContain('<p>');
    expect(f.items[1].published).toBe('2019-11-05T07:30:00Z');
    expect(f.items[1].text).toContain('الهيئة العليا المستقلة للانتخابات');
  });
  it('rejects what is not a feed', () => {
    expect(() => parseFeed('<html></html>')).toThrow(/not an RSS or Atom/);
  });
  it('decodes HTML entities in the feed title; marks a feed that ends inside its last item', () => {
    const whole = '<rss version="2.0"><channel><title>Caf&eacute; &amp; أخبار</title><item><title>بند</title><description>نص كامل.</description></item></channel></rss>';
    const f = parseFeed(whole);
    expect(f.title).toBe('Café & أخبار');
    expect(f.items[0].source).toBe('Café & أخبار');
    expect(f.cut).toBe(false);
    const cut = parseFeed(whole.slice(0, whole.indexOf('كامل')));
    expect(cut.cut).toBe(true);
    expect(parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>ت</title><entry><title>أ</title><summary>نص').cut).toBe(true);
  });
  it('keys an item by a worldwide id or link, else by what it says: two feeds\' items alike in name are two items', () => {
    const feed = (n: number, guid: string) => `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>نشرة ${n}</title>
      <item><title>عاجل</title><description>خبر عاجل رقم ${n}: أغلقت السلطات الطريق الساحلي بسبب الأمطار.</description></item>
      <item><description>خبر بلا عنوان رقم ${n} عن افتتاح سوق شعبي في الحي القديم.</description></item>
      <item><guid isPermaLink="false">${guid}</guid><description>خبر برقم داخلي ${n} عن صيانة شبكة المياه في الضاحية.</description></item>
      <item><guid>https://news.example/${n}/7</guid><description>خبر له رابط ثابت ${n}.</description></item>
    </channel></rss>`;
    const a = parseFeed(feed(1, '17')).items.map((i) => i.key);
    const b = parseFeed(feed(2, '17')).items.map((i) => i.key);
    // the same title and no date, no title at all, the same bare number: each feed's item is its own
    for (let i = 0; i < 3; i++) expect(a[i]).not.toBe(b[i]);
    expect(a[3]).toBe('https://news.example/1/7');
    // and the same feed read again gives the same keys (a re-run skips what it stored)
    expect(parseFeed(feed(1, '17')).items.map((i) => i.key)).toEqual(a);
  });
});

describe('JSON records', () => {
  it('finds the list an API or a dump wraps its records in (a wrapper was one record with «empty text»)', () => {
    const one = { title: 'أ', text: 'عقد المجلس اجتماعه السنوي.' };
    const two = { title: 'ب', text: 'أطلقت الجامعة برنامج منح.' };
    expect(recordsOf({ status: 'ok', data: [one, two] })).toEqual([one, two]);
    expect(recordsOf({ response: { numFound: 2, docs: [one, two] } })).toEqual([one, two]);
    expect(recordsOf({ page: 3, stories: [one, two] })).toEqual([one, two]);
    const hit = { _id: 'e-1', _source: one };
    expect(recordsOf({ took: 4, hits: { total: 1, hits: [hit] } })).toEqual([hit]);
    expect(recordToArticle(hit)).toMatchObject({ id: 'e-1', title: 'أ', text: 'عقد المجلس اجتماعه السنوي.' });
    // a record stays one, with its nested objects and lists, with text or without
    const withParts = { ...one, author: { name: 'سلمى' }, tags: [{ name: 'اقتصاد' }] };
    expect(recordsOf(withParts)).toEqual([withParts]);
    const noText = { title: 'بلا نص', author: { name: 'سلمى' } };
    expect(recordsOf(noText)).toEqual([noText]);
    expect(recordsOf([one])).toEqual([one]);
  });
  it('maps common field names', () => {
    const a = recordToArticle({ guid: 'x1', headline: 'عنوان', body: '<p>نص <b>الخبر</b></p>', pubDate: '2019-09-30', link: 'http://a', site: 'bbc' });
    expect(a).toMatchObject({ id: 'x1', title: 'عنوان', text: 'نص الخبر', published: '2019-09-30', url: 'http://a', source: 'bbc' });
    const b = recordToArticle({ id: 7, title: 't', content: 'c', date_extracted: '2018-02-01' });
    expect(b).toMatchObject({ id: '7', text: 'c', published: '2018-02-01' });
    expect(recordToArticle({ text: 'x', timestamp: 1517443200 }).published).toBe('2018-02-01T00:00:00.000Z');
    expect(() => recordToArticle([1, 2])).toThrow();
  });
  it('tells JSON from JSON Lines', () => {
    expect(sniffJson('[{"a":1}]')).toBe('json');
    expect(sniffJson('{"a":1}\n{"a":2}\n')).toBe('jsonl');
    expect(sniffJson('{\n "a": 1\n}')).toBe('json');
    expect(sniffJson('نص')).toBeNull();
    // a broken first line does not turn JSON Lines into one bad JSON document
    expect(sniffJson('{"text": "x\n{"text":"y"}\n{"text":"z"}\n')).toBe('jsonl');
    expect(sniffJson('{\n "a": [1,\n 2]\n}')).toBe('json');
  });
});

describe('format recognition', () => {
  it('by content first, then extension', () => {
    expect(sniffFormat('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', '.xml', null)).toBe('rss');
    expect(sniffFormat('<!DOCTYPE html><html></html>', '.txt', null)).toBe('html');
    expect(sniffFormat('{"text":"x"}\n{"text":"y"}', '.txt', null)).toBe('jsonl');
    expect(sniffFormat('خبر عادي', '.html', null)).toBe('html');
    expect(sniffFormat('خبر عادي', '', null)).toBe('txt');
    // XML that is no feed (it was stored as an article of raw markup); XHTML stays a page
    expect(sniffFormat('<?xml version="1.0"?><urlset><url><loc>https://a.example/1</loc></url></urlset>', '.xml', null)).toBe('xml');
    expect(sniffFormat('<catalog><book id="1"><title>كتاب</title></book></catalog>', '', 'application/xml')).toBe('xml');
    expect(sniffFormat('<?xml version="1.0"?><!DOCTYPE html><html><p>خبر</p></html>', '.xhtml', null)).toBe('html');
  });
  it('walks folders recursively, sorted, skipping unknown and hidden files', () => {
    const files = walkFiles(FIX).map((f) => f.slice(FIX.length + 1));
    expect(files).toContain('feeds/linked/riyadh-book-fair.html');
    expect(files).not.toContain('README.md');
    expect(files).not.toContain('make-1256.mjs');
    expect([...files].sort()).toEqual(files);
  });
  it('takes a link to a file as that file, and skips links to folders and broken ones', () => {
    const d = mkdtempSync(join(tmpdir(), 'marsad-links-'));
    try {
      symlinkSync(join(FIX, 'texts', 'beirut-reuters.txt'), join(d, 'linked.txt'));
      symlinkSync(join(FIX, 'texts'), join(d, 'folder.txt'));
      symlinkSync(join(d, 'nowhere.txt'), join(d, 'broken.txt'));
      expect(walkFiles(d).map((f) => f.slice(d.length + 1))).toEqual(['linked.txt']);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
  it('turns HTML fragments into paragraphs', () => {
    expect(htmlToText('<p>أ</p><p>ب<br>ج</p><script>x</script>')).toBe('أ\n\nب\nج');
  });
  it('keeps a «<» that opens no element as text (no silent loss)', () => {
    expect(htmlToText('<p>المعادلة x<y تعني أن 3 > 2</p><p>أقل من <5 و<ب</p>')).toBe('المعادلة x<y تعني أن 3 > 2\n\nأقل من <5 و<ب');
    expect(htmlToText('<p>نص<!-- تعليق --></p></div>')).toBe('نص');
    const r = recordToArticle({ text: '<p>القيمة x<y دائما</p>' });
    expect(r.text).toBe('القيمة x<y دائما');
  });
});
