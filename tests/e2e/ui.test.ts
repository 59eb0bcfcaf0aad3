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
        ],
      }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { added: number }).added).toBe(2);
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
    const attack = page.locator('li', { has: page.locator('.badge', { hasText: 'ATTACK' }) });
    await attack.waitFor();
    const text = await attack.textContent();
    expect(text).toContain('كابول');
    expect(text).toContain('قتلى: 12');
    expect(text).toContain('جرحى: 30');
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
    await phone.close();
    expect(foreign).toEqual([]);
    expect(incidents).toEqual([]);
  });
});
