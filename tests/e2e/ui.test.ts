// The web UI in a real browser (Debian's Chromium via playwright-core): search with a variant spelling, facets,
// the article page with highlights and normalized values on hover, the entity page, an injected <script> that
// stays inert, keyboard access and a phone-sized viewport. Screenshots go to test-output/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM, SCREENSHOTS, TOKEN, idByTitle, start, type Running } from './harness.js';

const enc = encodeURIComponent;
let run: Running;
let page: Page;
/** requests the pages made to anything but our server (fonts, CDNs…): must stay empty */
const foreign: string[] = [];
/** page errors and dialogs: an alert() from injected markup would show up here */
const incidents: string[] = [];

const shot = (name: string, p: Page = page) => p.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

async function watch(p: Page): Promise<void> {
  p.on('request', (r) => {
    if (!r.url().startsWith(run.base) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  p.on('pageerror', (e) => incidents.push(`pageerror: ${e.message}`));
  // our own UI must run under its strict Content-Security-Policy without a single violation
  p.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) incidents.push(`csp: ${m.text()}`);
  });
  p.on('dialog', (d) => {
    incidents.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
}

/** demo articles used below, by title (their ids are assigned at ingest) */
const TITLES = {
  rasElHekma: 'صفقة رأس الحكمة: 35 مليار دولار استثمارات إماراتية في مصر',
  baghdadConference: 'مؤتمر بغداد للتعاون والشراكة يجمع قادة المنطقة وماكرون',
  kuwaitConference: 'تعهدات بثلاثين مليار دولار في ختام مؤتمر الكويت لإعادة إعمار العراق',
  tripartite: 'قمة ثلاثية عراقية مصرية أردنية في بغداد تبحث مشروع الشام الجديد',
  kadhimiRiyadh: 'الكاظمي في الرياض: صندوق سعودي عراقي مشترك بثلاثة مليارات دولار',
  expoOriginal: 'الرياض تفوز باستضافة معرض إكسبو 2030',
};
const ids = {} as Record<keyof typeof TITLES, string>;
const articleUrl = (key: keyof typeof TITLES) => `${run.base}/article/${enc(ids[key])}`;

const XSS_TITLE = '<script>window.__marsadXss = 1</script>خبر يحمل شيفرة مدسوسة';
const XSS_TEXT =
  'نشر موقع مجهول خبرا عن ميناء العقبة يتضمن شيفرة مدسوسة <script>window.__marsadXss = 2; alert("xss")</script> ' +
  'وصورة مزيفة <img src="x" onerror="window.__marsadXss = 3"> ورابطا <a href="javascript:alert(1)">اضغط هنا</a> في وسط النص.';

/** an attack report in our own words: the article page lists the event with its casualties */
const ATTACK_TITLE = 'تفجير انتحاري في كابول';
const ATTACK_TEXT = 'أسفر تفجير انتحاري بسيارة مفخخة في كابول أمس عن مقتل 12 شخصا وإصابة 30 آخرين.';

/** events in every status, and one person's role stated three times (our own words) */
const STATUS_TEXT =
  'قال مسؤولون إن وزير الخارجية الأردني أيمن الصفدي سيزور بغداد الأسبوع المقبل. ' +
  'ولم يزر الرئيس الفرنسي إيمانويل ماكرون العاصمة الجزائر خلال الشهر الماضي. ' +
  'والتقى وزير الخارجية الأردني أيمن الصفدي نظيره العراقي فؤاد حسين في عمان أمس. ' +
  'وأوضح البيان أن وزير الخارجية الأردني أيمن الصفدي التقى نظيره العراقي فؤاد حسين في عمان أمس. ' +
  'أكدت الوزارة أن الوزير التقى السفير الياباني في الرياض.';

/** Latin product names with numbers, an Arabic amount and an ISO date in Arabic text (our own words) */
const BIDI_TITLE = 'هواتف جديدة تصل الأسواق قبل 2021-08-29';
const BIDI_TEXT =
  'كشفت شركة هواوي الصينية عن هاتف HUAWEI Mate 20 الجديد في نواكشوط، بينما تبيع أبل هاتف iPhone 13 بسعر 799 دولارا، ' +
  'وتستثمر الشركة 30 مليار دولار في مصانعها حتى 2021-08-29 وفق الخطة.';

/** one sentence far longer than a time line entry shows, its date near the end (our own words) */
const LONG_TEXT =
  'وفي تطور لافت على صعيد العلاقات الإقليمية التي شهدت خلال السنوات الأخيرة تقلبات عديدة بين التقارب والتباعد بفعل ملفات الحدود والهجرة ' +
  'والطاقة والتجارة البينية، وبعد جولات طويلة من المشاورات التي جرت بعيدا عن الأضواء بين الوفود الفنية والدبلوماسية في أكثر من عاصمة عربية ' +
  'وأوروبية، عاد رئيس الوزراء الموريتاني إلى نواكشوط في الثالث من مارس 2019 لإطلاق مشروع الميناء الجديد بعد جولة شملت مدنا عدة في الشمال والجنوب.';
const LONG_URL = 'https://news.example/' + 'أخبار/اقتصاد/موريتانيا/ميناء-نواكشوط-الجديد-يستقبل-أول-سفينة-تجارية-بعد-سنوات-من-الأشغال'.split('/').map(encodeURIComponent).join('/') + '?ref=feed&utm=123456';

/**
 * Where a piece of text is drawn: the box of `needle` in the first text node under `root` that holds it (the
 * whole node when `exact`), tooltips left out. Compares visual order, which the bidi algorithm decides.
 */
async function boxOf(p: Page, root: string, needle: string, exact = false): Promise<{ left: number; right: number; top: number }> {
  const box = await p.evaluate(
    ([rootSel, n, whole]) => {
      const rootEl = document.querySelector(rootSel as string);
      if (!rootEl) return null;
      const walker = document.createTreeWalker(rootEl, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (node.parentElement?.closest('.tip')) continue;
        const at = whole ? (node.data === n ? 0 : -1) : node.data.indexOf(n as string);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + (n as string).length);
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top };
      }
      return null;
    },
    [root, needle, exact] as const,
  );
  if (!box) throw new Error(`«${needle}» not found under ${root}`);
  return box;
}

/** the Latin runs read left to right with their numbers in place; the Arabic amount and the ISO date too */
async function expectBidiOrder(p: Page, root: string): Promise<void> {
  const mate = await boxOf(p, root, 'Mate');
  const twenty = await boxOf(p, root, '20', true);
  expect(Math.abs(twenty.top - mate.top)).toBeLessThan(4);
  expect(twenty.left, '«HUAWEI Mate 20»: 20 right of Mate').toBeGreaterThanOrEqual(mate.right - 1);
  const iphone = await boxOf(p, root, 'iPhone');
  const thirteen = await boxOf(p, root, '13', true);
  expect(thirteen.left, '«iPhone 13»: 13 right of iPhone').toBeGreaterThanOrEqual(iphone.right - 1);
  // «30 مليار دولار» reads right to left: 30 first, at the right
  const thirty = await boxOf(p, root, '30 ');
  const billion = await boxOf(p, root, 'مليار');
  expect(thirty.left).toBeGreaterThanOrEqual(billion.right - 1);
  const year = await boxOf(p, root, '2021-08-29');
  expect(year.right - year.left).toBeGreaterThan(0);
  const y2021 = await boxOf(p, root, '2021');
  const d29 = await boxOf(p, root, '-29');
  expect(y2021.left, '2021-08-29 is not shown as 29-08-2021').toBeLessThan(d29.left);
}

describe.skipIf(!HAS_CHROMIUM)('web UI in Chromium', () => {
  beforeAll(async () => {
    run = await start();
    const res = await fetch(`${run.base}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        articles: [
          { id: 'e2e-injected', title: XSS_TITLE, text: XSS_TEXT, source: 'مصدر مجهول', published: '2024-05-01', url: 'https://unknown.example/x' },
          { id: 'e2e-attack', title: ATTACK_TITLE, text: ATTACK_TEXT, source: 'مصدر مجهول', published: '2024-05-02', url: 'https://unknown.example/y' },
          { id: 'e2e-status', title: 'زيارات ولقاءات وزارية', text: STATUS_TEXT, source: 'مصدر مجهول', published: '2024-05-03' },
          { id: 'e2e-bidi', title: BIDI_TITLE, text: BIDI_TEXT, source: 'مصدر مجهول', published: '2024-05-04' },
          { id: 'e2e-long', title: 'عودة إلى نواكشوط', text: LONG_TEXT, source: 'مصدر مجهول', published: '2024-05-05', url: LONG_URL },
        ],
      }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { added: number }).added).toBe(5);
    for (const [key, title] of Object.entries(TITLES)) ids[key as keyof typeof TITLES] = await idByTitle(run.store, title);
    page = await run.context.newPage();
    page.setDefaultTimeout(10_000);
    await watch(page);
  }, 180_000);

  afterAll(async () => {
    await run?.close();
  });

  it('search with a variant spelling finds the right article, and the URL holds the query', async () => {
    await page.goto(`${run.base}/`);
    // "رأس الحكمة" typed without the hamza and with ه for ة
    await page.fill('#q', 'راس الحكمه');
    await page.press('#q', 'Enter');
    await page.waitForURL(/\?q=/);
    const first = page.locator('.hit h3 a').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe(`/article/${enc(ids.rasElHekma)}`);
    expect(new URL(page.url()).searchParams.get('q')).toBe('راس الحكمه');
    expect(await page.locator('.hit mark').count()).toBeGreaterThan(0);
    // the page is right-to-left, in the bundled Naskh font
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(async () => (await document.fonts.ready, document.fonts.check('16px "Noto Naskh Arabic"', 'مرصد')))).toBe(true);
    await shot('search');

    // a shared link opens the same search
    const other = await run.context.newPage();
    await watch(other);
    await other.goto(`${run.base}/?q=${enc('الكاظمي')}`);
    await other.locator('.hit').first().waitFor();
    expect(await other.inputValue('#q')).toBe('الكاظمي');
    await other.close();
  });

  it('says when no article holds every word, and when a page is past the last', async () => {
    await page.goto(`${run.base}/?q=${enc('الكاظمي زززقققغغغ')}`);
    await page.locator('.hit').first().waitFor();
    expect(await page.locator('.notice[role="note"]').textContent()).toContain('لا مقال يجمع كل كلمات البحث');
    await page.goto(`${run.base}/?q=${enc('الكاظمي')}&page=99`);
    await page.locator('.results p', { hasText: 'لا توجد صفحة 99' }).waitFor();
    await page.locator('.results a', { hasText: 'إلى الصفحة الأخيرة' }).click();
    await page.locator('.hit').first().waitFor();
    // Arabic agreement of the count: never «5 نتيجة»
    expect(await page.locator('.result-bar [role="status"]').textContent()).not.toMatch(/^([3-9]|10) نتيجة/);
  });

  it('an unknown page is the UI\'s own «page not found», with status 404', async () => {
    const res = await page.goto(`${run.base}/no/such/page`);
    expect(res?.status()).toBe(404);
    await page.locator('.status.error', { hasText: 'الصفحة غير موجودة' }).waitFor();
  });

  it('back from an article returns to the same place in the results', async () => {
    await page.setViewportSize({ width: 1000, height: 500 });
    await page.goto(`${run.base}/?q=${enc('قمة')}`);
    await page.locator('.hit').nth(5).waitFor();
    const link = page.locator('.hit h3 a').nth(5);
    await link.scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(100);
    await link.click();
    await page.waitForURL(/\/article\//);
    await page.locator('.annotated').waitFor();
    await page.goBack();
    await page.waitForFunction((want) => Math.abs(window.scrollY - want) < 5, y);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('the home page lists the newest articles and paginates', async () => {
    await page.goto(`${run.base}/`);
    await page.locator('.hit').first().waitFor();
    expect(await page.locator('.hit').count()).toBe(10);
    const firstOnPage1 = await page.locator('.hit h3 a').first().getAttribute('href');
    await shot('home');
    await page.locator('.pager a', { hasText: 'التالية' }).click();
    await page.waitForURL(/page=2/);
    await page.waitForFunction((href) => document.querySelector('.hit h3 a')?.getAttribute('href') !== href, firstOnPage1);
    expect(await page.locator('.hit').count()).toBeGreaterThan(0);
    // the browser's back button restores the first page
    await page.goBack();
    await page.waitForFunction((href) => document.querySelector('.hit h3 a')?.getAttribute('href') === href, firstOnPage1);
  });

  it('a facet filters the results', async () => {
    await page.goto(`${run.base}/?q=${enc('قمة')}`);
    await page.locator('.hit').first().waitFor();
    const source = page.locator('[data-facet="source"] a', { hasText: 'نشرة الخليج' });
    await source.click();
    await page.waitForURL(/source=/);
    await page.locator('.chips').waitFor();
    const metas = await page.locator('.hit .meta').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    for (const m of metas) expect(m).toContain('نشرة الخليج');
    await shot('search-facet');

    // an entity facet narrows further; removing the chip widens again
    const before = metas.length;
    const entity = page.locator('[data-facet="PER"] li a, [data-facet="LOC"] li a').first();
    await entity.click();
    await page.waitForURL(/entity=/);
    await page.locator('.hit').first().waitFor();
    expect(await page.locator('.hit').count()).toBeLessThanOrEqual(before);
    await page.locator('.chip-x').first().click();
    await page.waitForURL((u) => !u.search.includes('source='));
  });

  it('the article page highlights entities and shows a normalized date on hover', async () => {
    await page.goto(articleUrl('baghdadConference'));
    await page.locator('.annotated').waitFor();
    expect(await page.locator('.annotated a.ann').count()).toBeGreaterThan(2);
    expect(await page.locator('.legend li').count()).toBe(6);
    // "أمس السبت" in an article published 2021-08-29
    const date = page.locator('.ann-TIME', { has: page.locator('.tip', { hasText: '2021-08-28' }) }).first();
    const tip = date.locator('.tip');
    expect(await tip.isVisible()).toBe(false);
    await date.hover();
    await tip.waitFor({ state: 'visible' });
    expect(await tip.textContent()).toContain('2021-08-28');
    await shot('article-hover');

    await page.goto(articleUrl('kuwaitConference'));
    const money = page.locator('.ann-AMOUNT', { has: page.locator('.tip', { hasText: '30,000,000,000 USD' }) }).first();
    await money.hover();
    await money.locator('.tip').waitFor({ state: 'visible' });
    await shot('article');
  });

  it('a re-published article links to its original as a near-duplicate', async () => {
    await page.goto(`${run.base}/article/mashreq-2023-expo-2030-repost`);
    const notice = page.locator('.notice a');
    await notice.waitFor();
    expect(await notice.getAttribute('href')).toBe(`/article/${enc(ids.expoOriginal)}`);
    await page.locator('.similar .badge').first().waitFor();
    await notice.click();
    await page.waitForURL(new RegExp(`/article/${ids.expoOriginal}`));
    await page.locator('.panel', { hasText: 'نسخ مكررة تقريبا' }).locator('a[href="/article/mashreq-2023-expo-2030-repost"]').waitFor();
    await shot('near-duplicate');
  });

  it('the entity page opens from an entity link', async () => {
    await page.goto(articleUrl('tripartite'));
    const person = page.locator('.annotated a.ann-PER').first();
    await person.waitFor();
    const name = (await person.evaluate((el) => el.firstChild?.textContent ?? '')).trim();
    await person.click();
    await page.waitForURL(/\/entity\//);
    await page.locator('.entity-page h1').waitFor();
    expect(await page.locator('.entity-page .variants li').count()).toBeGreaterThan(0);
    expect(await page.locator('.chart svg rect.bar').count()).toBeGreaterThan(0);
    expect(await page.locator('.entity-page a[href^="/article/"]').count()).toBeGreaterThan(0);
    expect(name.length).toBeGreaterThan(0);
    // the time line reads oldest to newest (its newest page is what loads first)
    const years = (await page.locator('.timeline .when').allTextContents()).map((d) => d.slice(0, 4));
    expect(years.length).toBeGreaterThan(0);
    expect([...years].sort()).toEqual(years);
    expect(await page.locator('.entity-page header').textContent()).not.toMatch(/ 1 مقال| [3-9] إشارة/);
    await shot('entity');
  });

  it('the entities page pages through every entity, sorts, and keeps both in the URL', async () => {
    await page.goto(`${run.base}/entities`);
    await page.locator('.entity-table tbody tr').first().waitFor();
    expect(await page.locator('.entity-table tbody tr').count()).toBe(100);
    const first = await page.locator('.entity-table tbody a').first().getAttribute('href');
    await page.locator('.pager a', { hasText: 'التالية' }).click();
    await page.waitForURL(/page=2/);
    await page.waitForFunction((href) => document.querySelector('.entity-table tbody a')?.getAttribute('href') !== href, first);
    expect(await page.locator('.entity-table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('.entities-page [role="status"]').textContent()).toMatch(/الصفحة 2 من 2/);
    // a reload keeps the page
    await page.reload();
    await page.locator('.pager a', { hasText: 'السابقة' }).waitFor();
    // sorting by name is a URL too, from page 1
    await page.locator('.sort a', { hasText: 'الاسم' }).click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'name' && !u.searchParams.has('page'));
    await page.locator('.sort strong', { hasText: 'الاسم' }).waitFor();
    // «لا كيانات» / «113 كيانا»: the count agrees with its noun
    expect(await page.locator('.entities-page [role="status"]').textContent()).toMatch(/^\d[\d,]* كيانا/);
  });

  it('the entities page finds a name typed with a clitic', async () => {
    await page.goto(`${run.base}/entities?q=${enc('والكويت')}`);
    await page.locator('.entity-table tbody a', { hasText: 'الكويت' }).first().waitFor();
  });

  it('the entities page lists people by type and finds a name in another spelling', async () => {
    await page.goto(`${run.base}/entities?type=PER`);
    await page.locator('.entity-table tbody tr').first().waitFor();
    expect(await page.locator('.entity-table tbody tr').count()).toBeGreaterThan(5);
    // "الكاظمى" with alif maqsura finds "مصطفى الكاظمي"
    await page.fill('#entity-q', 'الكاظمى');
    await page.press('#entity-q', 'Enter');
    await page.waitForURL(/q=/);
    await page.locator('.entity-table tbody a', { hasText: 'الكاظمي' }).first().waitFor();
    await shot('entities');
  });

  it('the article page lists an attack with its place and casualties', async () => {
    await page.goto(`${run.base}/article/e2e-attack`);
    const attack = page.locator('.events li[data-type="ATTACK"]');
    await attack.waitFor();
    const text = await attack.textContent();
    expect(text).toContain('كابول');
    expect(text).toContain('قتلى: 12');
    expect(text).toContain('جرحى: 30');
    // its type in Arabic (a suicide bombing), the CAMEO code kept for the tooltip
    expect(await attack.locator('.etype').textContent()).toBe('تفجير');
    expect(text).not.toContain('ATTACK');
  });

  it('an event shows the Arabic label the API serves for it (resources/events/cameo.tsv), a variant by its own', async () => {
    await page.goto(articleUrl('kuwaitConference'));
    const rows = page.locator('.events li');
    await rows.first().waitFor();
    const served = (await (await page.request.get(`${run.base}/api/articles/${enc(ids.kuwaitConference)}`)).json()) as {
      doc: { events: Array<{ type: string; cameo: string; labelAr: string }> };
    };
    const shown = await page.locator('.events li .etype').allTextContents();
    expect(new Set(shown)).toEqual(new Set(served.doc.events.map((e) => e.labelAr)));
    // pledges of a stated sum (PLEDGE 0331) are named as such, not as any pledge
    expect(served.doc.events.some((e) => e.type === 'PLEDGE' && e.cameo === '0331')).toBe(true);
    expect(shown).toContain('تعهد مالي');
  });

  it('the article page says whether each event happened, in Arabic, and lists each role and event once', async () => {
    await page.goto(`${run.base}/article/e2e-status`);
    const events = page.locator('.events li');
    await events.first().waitFor();
    const byStatus = async (status: string) => {
      const row = page.locator(`.events li[data-status="${status}"]`).first();
      await row.waitFor();
      return row;
    };
    const planned = await byStatus('planned');
    expect(await planned.locator('.estatus').textContent()).toBe('مخطط له');
    expect(await planned.locator('.etype').textContent()).toBe('زيارة');
    expect(await planned.textContent()).toContain('بغداد');
    // a negated visit is marked as such, with the words it was read from
    const negated = await byStatus('negated');
    expect(await negated.locator('.estatus').textContent()).toBe('منفي');
    expect(await negated.locator('.event-text').textContent()).toContain('يزر');
    expect(await byStatus('reported').then((r) => r.locator('.estatus').textContent())).toBe('منقول');
    expect(await byStatus('occurred').then((r) => r.locator('.estatus').textContent())).toBe('وقع');
    // planned and negated look different from what happened
    const look = (row: typeof planned) => row.locator('.estatus').evaluate((el) => getComputedStyle(el).color + getComputedStyle(el).borderStyle);
    expect(new Set([await look(planned), await look(negated), await look(await byStatus('occurred'))]).size).toBe(3);
    // no raw codes, no identical rows
    const rows = await events.allTextContents();
    expect(rows.join(' ')).not.toMatch(/VISIT|MEET|planned|negated/);
    expect(new Set(rows).size).toBe(rows.length);
    const roles = await page.locator('.roles li').allTextContents();
    expect(roles.filter((r) => r.includes('أيمن الصفدي'))).toHaveLength(1);
    expect(new Set(roles).size).toBe(roles.length);
    await shot('article-events');
  });

  it('numbers in Latin text, Arabic amounts and ISO dates keep their order on the article page', async () => {
    await page.goto(`${run.base}/article/e2e-bidi`);
    await page.locator('.annotated .ann-AMOUNT').first().waitFor();
    await expectBidiOrder(page, '.annotated');
    // the heading's date too
    const y = await boxOf(page, 'h1', '2021');
    const d = await boxOf(page, 'h1', '-29');
    expect(y.left).toBeLessThan(d.left);
    await shot('article-bidi');
  });

  it('a time line entry shows its dated phrase, marked, however long the sentence', async () => {
    const found = (await (await fetch(`${run.base}/api/entities?q=${enc('نواكشوط')}`)).json()) as { entities: Array<{ id: string }> };
    await page.goto(`${run.base}/entity/${enc(found.entities[0].id)}`);
    const entry = page.locator('.timeline li', { hasText: '2019-03-03' });
    await entry.waitFor();
    expect(await entry.locator('mark.dated').textContent()).toBe('الثالث من مارس 2019');
    expect((await entry.locator('.what').textContent())!.length).toBeLessThan(LONG_TEXT.length);
    // the count is of the rows shown
    const rows = await page.locator('.timeline li').count();
    const status = (await page.locator('.entity-page .panel [role="status"]').first().textContent())!;
    expect(status).toMatch(rows === 1 ? /^عنصر واحد/ : rows === 2 ? /^عنصران/ : new RegExp(`^${rows} `));
    // two articles: «في مقالين», never «في مقالان»
    expect(await page.locator('.entity-page header .meta').textContent()).toContain('في مقالين');
    await shot('entity-timeline');
  });

  it('an injected <script> in an ingested article stays inert text', async () => {
    await page.goto(`${run.base}/article/e2e-injected`);
    await page.locator('.annotated').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __marsadXss?: number }).__marsadXss)).toBeUndefined();
    expect(await page.locator('main script, main img, .annotated a[href^="javascript:"]').count()).toBe(0);
    // the text shown (tooltips aside) is exactly the stored text, markup characters and all
    const shown = await page.locator('.annotated').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.tip').forEach((t) => t.remove());
      return copy.textContent;
    });
    expect(shown).toBe(XSS_TEXT);
    expect(await page.locator('h1').textContent()).toContain('<script>');
    
    await page.goto(`${run.base}/?q=${enc('شيفرة مدسوسة')}`);
    await page.locator('.hit').first().waitFor();
    expect(await page.locator('.hit h3').first().textContent()).toContain('<script>');
    expect(await page.evaluate(() => (window as unknown as { __marsadXss?: number }).__marsadXss)).toBeUndefined();
    expect(incidents).toEqual([]);
    await shot('injected-script');
  });

  it('the analyze page annotates pasted text without storing it', async () => {
    const before = (await run.store.stats()).articles;
    await page.goto(`${run.base}/analyze`);
    const text = 'التقى وزير الخارجية العماني بدر البوسعيدي في مسقط أمس نظيره الإيراني، وبحثا مشروعا بقيمة 200 مليون دولار.';
    await page.fill('#text', text);
    await page.fill('#published', '2023-05-10');
    await page.click('.analyze-form button');
    await page.locator('.analysis .annotated').waitFor();
    const shown = await page.locator('.analysis .annotated').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.tip').forEach((t) => t.remove());
      return copy.textContent;
    });
    expect(shown).toBe(text);
    expect(await page.locator('.analysis .ann').count()).toBeGreaterThan(0);
    expect((await run.store.stats()).articles).toBe(before);
    await shot('analyze');

    // a place inside a time is a mark of its own, inside the time's, and the legend counts what is shown
    const nested = 'ويبدأ الاجتماع في الساعة الثامنة مساء بتوقيت باريس يوم الأحد.';
    await page.fill('#text', nested);
    await page.click('.analyze-form button');
    const inner = page.locator('.analysis .ann-TIME .ann-LOC');
    await inner.waitFor();
    expect(await inner.evaluate((el) => el.firstChild?.textContent)).toBe('باريس');
    const shownNested = await page.locator('.analysis .annotated').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.tip').forEach((t) => t.remove());
      return copy.textContent;
    });
    expect(shownNested).toBe(nested);
    const legend = await page.locator('.analysis .legend').textContent();
    expect(legend).toContain('مكان (1)');
    expect(legend).toContain('زمن (2)');
    await inner.hover();
    await inner.locator('.tip').waitFor({ state: 'visible' });
    expect(await page.locator('.analysis .ann-TIME > .tip').first().isVisible()).toBe(false);
  });

  it('the analyze page lists roles and events with their status, and keeps numbers in order', async () => {
    await page.goto(`${run.base}/analyze`);
    await page.fill('#text', STATUS_TEXT);
    await page.fill('#published', '2024-05-03');
    await page.click('.analyze-form button');
    await page.locator('.analysis .events li').first().waitFor();
    expect(await page.locator('.analysis .events li[data-status="planned"] .estatus').first().textContent()).toBe('مخطط له');
    expect(await page.locator('.analysis .events li[data-status="negated"] .estatus').first().textContent()).toBe('منفي');
    expect(await page.locator('.analysis .roles li', { hasText: 'أيمن الصفدي' }).count()).toBe(1);
    // nothing of an analyzed text is linked: it is not in the collection
    expect(await page.locator('.analysis .events a, .analysis .roles a').count()).toBe(0);
    await shot('analyze-events');

    await page.fill('#text', BIDI_TEXT);
    await page.click('.analyze-form button');
    await page.locator('.analysis .annotated', { hasText: 'iPhone' }).waitFor();
    await expectBidiOrder(page, '.analysis .annotated');
  });

  it('a query longer than the API takes is stopped with an Arabic message', async () => {
    await page.goto(`${run.base}/?q=${enc('الكويت '.repeat(200))}`);
    const alert = page.locator('.search-page .status.error');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/أطول من 1,000 حرف/);
    expect(await alert.textContent()).not.toMatch(/querystring|must NOT/);
    expect(await page.locator('#q').getAttribute('maxlength')).toBe('1000');
  });

  it('a server that does not answer is said once, in Arabic', async () => {
    const other = await run.context.newPage();
    await other.route('**/api/**', (r) => r.abort());
    await other.goto(`${run.base}/?q=${enc('الكاظمي')}`);
    const alert = other.locator('.status.error');
    await alert.waitFor();
    expect((await alert.textContent())!.trim()).toBe('تعذر الاتصال بالخادم.');
    await other.close();
  });

  it('tab titles: a blank query, an unknown article', async () => {
    await page.goto(`${run.base}/?q=${enc('   ')}`);
    await page.locator('.hit').first().waitFor();
    expect(await page.title()).toBe('مرصد — بحث');
    await page.goto(`${run.base}/article/no-such-article`);
    await page.locator('.status.error').waitFor();
    expect(await page.title()).toBe('مقال غير موجود — مرصد');
  });

  it('is keyboard reachable: Tab reaches a highlight and shows its value', async () => {
    await page.goto(articleUrl('kadhimiRiyadh'));
    await page.locator('.annotated').waitFor();
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.classList.contains('ann') ?? false);
    }
    expect(found).toBe(true);
    expect(await page.locator('.ann:focus .tip').isVisible()).toBe(true);
  });

  it('works at 360 px wide', async () => {
    const phone = await run.context.newPage();
    phone.setDefaultTimeout(10_000);
    await watch(phone);
    await phone.setViewportSize({ width: 360, height: 760 });
    for (const [name, url, ready] of [
      ['mobile-search', `/?q=${enc('الكاظمي')}`, '.hit'],
      ['mobile-article', `/article/${enc(ids.kuwaitConference)}`, '.annotated .ann-AMOUNT'],
      ['mobile-entity', null, '.entity-page h1'],
      ['mobile-entities', '/entities', '.entity-table tbody tr'],
      ['mobile-analyze', '/analyze', '#text'],
    ] as const) {
      if (url) await phone.goto(`${run.base}${url}`);
      else await phone.locator('.annotated a.ann').first().click();
      await phone.locator(ready).first().waitFor();
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
      if (name === 'mobile-article') {
        // a tap on an amount shows its normalized value
        const amount = phone.locator('.annotated .ann-AMOUNT', { has: phone.locator('.tip', { hasText: 'USD' }) }).first();
        await amount.click();
        await amount.locator('.tip').waitFor({ state: 'visible' });
        // …and so does one at the left edge, whole, without widening the page
        const marks = phone.locator('.annotated span.ann');
        const lefts = await marks.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
        const edge = lefts.indexOf(Math.min(...lefts));
        await marks.nth(edge).click();
        const tip = marks.nth(edge).locator('.tip');
        await tip.waitFor({ state: 'visible' });
        const box = (await tip.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(360);
        expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      }
      await shot(name, phone);
    }
    // the facets and results are both reachable on a phone
    await phone.goto(`${run.base}/?q=${enc('قمة')}`);
    await phone.locator('.facets summary').click(); // folded on phones
    await phone.locator('[data-facet="source"] a').first().click();
    await phone.waitForURL(/source=/);
    // a long source link is shown decoded, on one line
    await phone.goto(`${run.base}/article/e2e-long`);
    const link = phone.locator('.meta-list a.url');
    await link.waitFor();
    expect(await link.textContent()).toContain('أخبار/اقتصاد');
    expect(await link.getAttribute('href')).toBe(LONG_URL);
    const lineHeight = await link.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect((await link.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await shot('mobile-article-url', phone);
    await phone.close();
    expect(foreign).toEqual([]);
    expect(incidents).toEqual([]);
  });
});
