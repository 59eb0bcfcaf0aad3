// The demo collection: three formats in sync with their source (examples/demo-articles.mjs), at least 30
// articles with dates, titles and text, and none of it taken from ../shared.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/resources.js';
import { DEMO_DIR } from '../../src/server/index.js';

interface DemoArticle { id: string; format: 'html' | 'rss' | 'jsonl'; published: string; title: string; text: string[] }
const { ARTICLES } = (await import(join(PACKAGE_ROOT, 'examples', 'demo-articles.mjs'))) as { ARTICLES: DemoArticle[] };

describe('demo collection', () => {
  it('has at least 30 articles in each of HTML, RSS and JSONL', () => {
    expect(ARTICLES.length).toBeGreaterThanOrEqual(30);
    for (const f of ['html', 'rss', 'jsonl'] as const) expect(ARTICLES.filter((a) => a.format === f).length, f).toBeGreaterThanOrEqual(10);
    expect(new Set(ARTICLES.map((a) => a.id)).size).toBe(ARTICLES.length);
    for (const a of ARTICLES) {
      expect(a.published, a.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.title.length, a.id).toBeGreaterThan(10);
      expect(a.text.join(' ').length, a.id).toBeGreaterThan(150);
    }
  });

  it('the generated files match demo-articles.mjs (run `node examples/build-demo.mjs` after editing it)', () => {
    const html = readdirSync(join(DEMO_DIR, 'html')).sort();
    expect(html).toEqual(ARTICLES.filter((a) => a.format === 'html').map((a) => `${a.id}.html`).sort());
    for (const a of ARTICLES.filter((x) => x.format === 'html')) {
      const page = readFileSync(join(DEMO_DIR, 'html', `${a.id}.html`), 'utf8');
      expect(page).toContain(a.text[0]);
    }
    const feed = readFileSync(join(DEMO_DIR, 'rss', 'gulf-bulletin.xml'), 'utf8');
    for (const a of ARTICLES.filter((x) => x.format === 'rss')) expect(feed).toContain(`<guid isPermaLink="false">${a.id}</guid>`);
    const lines = readFileSync(join(DEMO_DIR, 'jsonl', 'mashreq-wire.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string });
    expect(lines.map((l) => l.id)).toEqual(ARTICLES.filter((a) => a.format === 'jsonl').map((a) => a.id));
    for (const l of lines) expect(l.text).toBe(ARTICLES.find((a) => a.id === l.id)!.text.join('\n\n'));
  });

  const seed = join(PACKAGE_ROOT, '..', 'shared', 'seed', 'elaph-kadhimi-kuwait.txt');
  it.skipIf(!existsSync(seed))('shares no sentence with the canonical example in ../shared', () => {
    const sentences = readFileSync(seed, 'utf8').split(/[.!؟\n]+/).map((s) => s.trim()).filter((s) => s.length >= 30);
    const demo = ARTICLES.map((a) => `${a.title}\n${a.text.join('\n')}`).join('\n');
    for (const s of sentences) expect(demo.includes(s), s).toBe(false);
  });
});
