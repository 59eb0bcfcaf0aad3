import { describe, expect, it } from 'vitest';
import * as marsad from '../../src/index.js';

// The library entry is what the CLI, server and third-party callers build on: analyze → store → search.
describe('library entry (import from "marsad")', () => {
  it('analyzes, stores and finds an article through the public API alone', async () => {
    const doc = marsad.analyze('زار وزير الخارجية الأردني بغداد يوم الأحد الماضي.', { published: '2024-03-14' });
    expect(doc.entities.map((e) => e.text)).toContain('بغداد');
    expect(doc.times[0]?.value).toBe('2024-03-10');
    const store = await marsad.openStore(':memory:');
    try {
      const r = await marsad.ingestArticles(store, [{ id: 'lib-1', text: doc.text, published: '2024-03-14' }]);
      expect(r.added).toBe(1);
      const found = await store.search({ q: 'وبغداد' });
      expect(found.hits.map((h) => h.id)).toEqual(['lib-1']);
    } finally {
      await store.close();
    }
  });
  it('exposes the text layer and single stages', () => {
    expect(typeof marsad.normalize).toBe('function');
    expect(marsad.extractAmounts('تبرعت بمبلغ 5 ملايين دولار', []).map((a) => a.value)).toEqual([5_000_000]);
  });
});
