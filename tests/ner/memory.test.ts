import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemTable, memoryCodes, TagMemory } from '../../src/ner/memory.js';

// labels: 0 O, 1 B-PER, 2 I-PER, 3 B-LOC, 4 I-LOC, 5 B-ORG, 6 I-ORG, 7 B-MISC, 8 I-MISC
describe('NER tag memory', () => {
  it('counts labels per word and summarizes them', () => {
    const m = new TagMemory();
    for (let k = 0; k < 3; k++) m.add(MemTable.Word, 'حداد', 1);
    m.add(MemTable.Word, 'حداد', 0);
    const codes = memoryCodes(m.get(MemTable.Word, 'حداد'));
    // majority B-PER (1), purity 3/4 → bucket 2, count 4 → bucket 2
    expect(codes[0]).toBe(1 * 16 + 2 * 4 + 2);
    // PER seen in ≥ half the occurrences, mostly as B
    expect(codes).toContain(1000 + 0 * 16 + 2 * 4 + 0);
    expect(memoryCodes(m.get(MemTable.Word, 'طرطوس'))).toEqual([-1]);
    // tables are separate
    expect(m.get(MemTable.Bare, 'حداد')).toBeUndefined();
  });

  it('finds the longest remembered entity string, also after a proclitic', () => {
    const m = new TagMemory();
    m.addName(['غرفه', 'تجاره'], 2);
    m.addName(['غرفه', 'تجاره', 'طرطوس'], 2);
    m.addName(['طرطوس'], 1);
    const tags = m.nameTags(['زار', 'وغرفه', 'تجاره', 'طرطوس', 'امس'], ['زار', 'غرفه', 'تجاره', 'طرطوس', 'امس']);
    const B_ORG = 1 << 4;
    const I_ORG = 1 << 5;
    const B_LOC = 1 << 2;
    expect(Array.from(tags)).toEqual([0, B_ORG, I_ORG, I_ORG | B_LOC, 0]);
  });

  it('round-trips through save and load', () => {
    const m = new TagMemory();
    m.add(MemTable.Word, 'حماه', 3);
    m.addName(['حماه'], 1);
    const dir = mkdtempSync(join(tmpdir(), 'marsad-mem-'));
    try {
      const path = join(dir, 'mem.bin.gz');
      m.save(path);
      const back = TagMemory.load(path);
      expect(Array.from(back.get(MemTable.Word, 'حماه')!)).toEqual(Array.from(m.get(MemTable.Word, 'حماه')!));
      expect(Array.from(back.nameTags(['حماه'], ['حماه']))).toEqual([1 << 2]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
