/**
 * Arabic numbers: digits of every family with their separators, cardinal number words with case endings
 * (ثلاثون/ثلاثين), compounds (ثلاثة وعشرون، ثلاث مئة، ثلاثة ملايين وأربعمائة ألف), digit+scale mixes
 * (2.5 مليون), fractions of scales (نصف مليار), and ordinals (الثالث، الحادي والعشرين).
 */
import { readTsv } from '../resources.js';
import { fold, scan, type ScanToken } from '../time/fold.js';

type WordClass = 'unit' | 'ten' | 'hundred' | 'scale' | 'scale-dual' | 'scale-plural' | 'fraction';
interface NumberWord {
  value: number;
  cls: WordClass;
}
type OrdinalClass = 'unit' | 'ten' | 'compound-unit' | 'hour';
interface OrdinalWord {
  value: number;
  cls: OrdinalClass;
}

let numberWords: Map<string, NumberWord> | null = null;
let ordinalWords: Map<string, OrdinalWord> | null = null;

function loadNumberWords(): Map<string, NumberWord> {
  if (numberWords) return numberWords;
  numberWords = new Map();
  for (const row of readTsv(['amount', 'number-words.tsv']) as Record<string, string>[]) {
    numberWords.set(fold(row.form), { value: Number(row.value), cls: row.class as WordClass });
  }
  return numberWords;
}

function loadOrdinals(): Map<string, OrdinalWord> {
  if (ordinalWords) return ordinalWords;
  ordinalWords = new Map();
  for (const row of readTsv(['amount', 'ordinals.tsv']) as Record<string, string>[]) {
    ordinalWords.set(fold(row.form), { value: Number(row.value), cls: row.class as OrdinalClass });
  }
  return ordinalWords;
}

/**
 * Definite cardinal words that read as numbers ("الدول الثلاث" → 3): units 3-10 and tens; not ست/سبع/خمس
 * (الست the lady, السبع the lion, الخمس a Libyan city and a religious tax).
 */
export function definiteCardinals(): string[] {
  const out: string[] = [];
  for (const [w, info] of loadNumberWords()) {
    if ((info.cls === 'unit' && info.value >= 3) || info.cls === 'ten') {
      if (w === 'ست' || w === 'سبع' || w === 'خمس') continue;
      out.push(w);
    }
  }
  return out;
}

/** Every folded word that can start a number or ordinal reading. */
export function numberStartWords(): string[] {
  return [...loadNumberWords().keys(), ...loadOrdinals().keys()];
}

/** Can a number or ordinal reading start with this folded word? (a cheap filter before readNumber/readOrdinal) */
export function startsNumber(f: string): boolean {
  return loadNumberWords().has(f) || loadOrdinals().has(f);
}

export function numberWord(f: string): NumberWord | undefined {
  return loadNumberWords().get(f);
}

/** The value of a digit string (already folded to ASCII digits): "1,234" → 1234, "2.5" → 2.5, "2,5" → 2.5. */
export function parseDigits(f: string): number | null {
  if (f.includes('،')) f = f.replace(/،/g, ','); // the Arabic comma between digits reads like the Latin one
  if (!/^\d+(?:[.,]\d+)*$/.test(f)) return null;
  const commas = f.split(',').length - 1;
  const dots = f.split('.').length - 1;
  let s = f;
  if (commas && dots) {
    const decimal = f.lastIndexOf(',') > f.lastIndexOf('.') ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    s = f.split(thousands).join('').replace(decimal, '.');
    if (s.split('.').length > 2) return null;
  } else if (commas) {
    const groups = f.split(',');
    s = groups.slice(1).every((g) => g.length === 3) ? groups.join('') : commas === 1 ? groups.join('.') : '';
  } else if (dots > 1) {
    const groups = f.split('.');
    s = groups.slice(1).every((g) => g.length === 3) ? groups.join('') : '';
  }
  if (!s) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

export interface NumberReading {
  value: number;
  /** token index one past the last token of the number */
  end: number;
  hasWords: boolean;
  hasDigits: boolean;
  /** the number is a lone word that is usually not a number in running text (أحد، واحد) */
  weak: boolean;
}

/** Does a number joined by و start at token k («و700», «وسبعمئة»)? */
function continuesWithConnector(tokens: readonly ScanToken[], k: number, words: ReturnType<typeof loadNumberWords>): boolean {
  const t = tokens[k];
  if (!t || t.kind !== 'w') return false;
  if (t.f === 'و') return tokens[k + 1]?.kind === 'n' && tokens[k + 1].start - t.end <= 1;
  const rest = afterConnector(t.f);
  return rest !== null && words.has(rest);
}

/** Strips a و connector from a word that continues a number ("وعشرون"). */
function afterConnector(f: string): string | null {
  return f.length > 2 && f.charCodeAt(0) === 0x0648 /* و */ ? f.slice(1) : null;
}

/**
 * Reads a number starting at token i (digits or words, with scales). Returns null when no number starts there.
 * Tokens must be adjacent words; a و connector is only accepted when a number word follows it.
 */
export function readNumber(tokens: readonly ScanToken[], i: number, first?: string): NumberReading | null {
  const words = loadNumberWords();
  let total = 0;
  let current = 0;
  let lastScale = 0;
  let last: WordClass | 'digits' | null = null;
  let hasWords = false;
  let hasDigits = false;
  let j = i;
  let count = 0;
  /** the token of the last و-joined word after a scale («وأربعة»): where a second number would start */
  let connectorAt = -1;
  while (j < tokens.length) {
    const t = tokens[j];
    if (t.kind === 'n') {
      if (last !== null) break;
      const v = parseDigits(t.f);
      if (v === null) return null;
      current = v;
      last = 'digits';
      hasDigits = true;
      j++;
      count++;
      continue;
    }
    if (t.kind !== 'w') break;
    // "23 ألفا و500": a glued و + digits continues a number after a scale word
    if (t.f === 'و' && lastScale && current === 0 && tokens[j + 1]?.kind === 'n' && tokens[j + 1].start - t.end <= 1) {
      const v = parseDigits(tokens[j + 1].f);
      if (v === null || v >= lastScale) break;
      // «بين 270 ألفا و330 ألف»: a part at the same scale or a bigger one is a second number, not a sum
      const after = tokens[j + 2];
      const scaleAfter = after?.kind === 'w' ? words.get(after.f) : undefined;
      if (scaleAfter && scaleAfter.cls.startsWith('scale') && scaleAfter.value >= lastScale) break;
      current = v;
      last = 'digits';
      j += 2;
      count += 2;
      continue;
    }
    let f = j === i && first !== undefined ? first : t.f;
    let connected = false;
    let w = words.get(f);
    if (!w && last !== null) {
      const rest = afterConnector(f);
      if (rest !== null) {
        w = words.get(rest);
        connected = w !== undefined;
      }
    }
    if (!w) break;
    const v = w.value;
    let ok = true;
    switch (w.cls) {
      case 'unit':
        if (last === null || (connected && (last === 'hundred' || last === 'scale' || last === 'scale-dual' || last === 'scale-plural'))) current += v;
        else ok = false;
        break;
      case 'ten':
        if (v === 10 && !connected && last === 'unit' && current % 10 === current) current += 10; // ثلاثة عشر
        else if (last === null || (connected && (last === 'unit' || last === 'hundred' || last === 'scale' || last === 'scale-dual' || last === 'scale-plural'))) current += v;
        else ok = false;
        break;
      case 'hundred':
        if (v === 100 && !connected && last === 'unit' && current >= 1 && current <= 9) current *= 100; // ثلاث مئة
        else if (last === null || (connected && (last === 'scale' || last === 'scale-dual' || last === 'scale-plural'))) current += v;
        else ok = false;
        break;
      case 'scale':
      case 'scale-dual': {
        if (connected) { ok = false; break; }
        if (lastScale && v >= lastScale && current === 0) { ok = false; break; }
        if (lastScale && v >= lastScale && connectorAt >= 0) {
          j = connectorAt;
          current = 0;
          ok = false;
          break;
        }
        const base = w.cls === 'scale-dual' ? v / 2 : v;
        if (current > 0) total += current * base;
        else if (last === null && w.cls === 'scale-dual' && f.endsWith('ا') && continuesWithConnector(tokens, j + 1, words)) {
          total += base; // «مليوناً و700 ألف»: the accusative singular (1.7 million), not the dual «مليونا» (two million)
        } else if (last === null || last === 'scale' || last === 'scale-dual') total += v; // مليون، ألفان
        else { ok = false; break; }
        current = 0;
        lastScale = base;
        break;
      }
      case 'scale-plural':
        if (connected || current <= 0) { ok = false; break; }
        // «ثلاثة ملايين وأربعة ملايين»: a second number, not a sum; it starts at its connector
        if (lastScale && v >= lastScale && connectorAt >= 0) {
          j = connectorAt;
          current = 0;
          ok = false;
          break;
        }
        total += current * v;
        current = 0;
        lastScale = v;
        break;
      case 'fraction':
        if (last === null && !connected) {
          // only a fraction of a scale counts: "نصف مليون"
          const next = tokens[j + 1];
          const nw = next && next.kind === 'w' ? words.get(next.f) : undefined;
          if (!nw || nw.cls !== 'scale') ok = false;
          else current = v;
        } else if (connected) {
          if (lastScale && current === 0) {
            total += lastScale * v; // مليون ونصف
            // «مليار ونصف المليار», «مليونان ونصف مليون»: the scale said again after the fraction
            const again = tokens[j + 1]?.kind === 'w' ? tokens[j + 1].f : '';
            const scale = words.get(again.startsWith('ال') ? again.slice(2) : again);
            if (scale?.cls === 'scale' && scale.value === lastScale) {
              j++;
              count++;
            }
          } else current += v;
        } else ok = false;
        break;
    }
    if (!ok) break;
    if (connected && lastScale) connectorAt = j;
    hasWords = true;
    last = w.cls;
    j++;
    count++;
    f = '';
  }
  if (count === 0) return null;
  const value = total + current;
  let weak = false;
  if (count === 1 && !hasDigits) {
    const f = first ?? tokens[i].f;
    weak = WEAK_WORDS.has(f);
  }
  return { value: round(value), end: j, hasWords, hasDigits, weak };
}

/** Lone words that are usually no number in running text («أحد المسؤولين», «صفر اليدين»): amounts only when measured. */
const WEAK_WORDS = new Set(['الف', 'احد', 'احدي', 'واحد', 'واحده', 'واحدا', 'اثنا', 'اثني', 'اثنتا', 'اثنتي', 'صفر']);

/** Removes binary noise from decimal arithmetic (8.3 × 1e9 → 8300000000). */
function round(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(12));
}

export interface OrdinalReading {
  value: number;
  end: number;
}

/** Reads an ordinal (الثالث، الحادي عشر، الحادي والعشرين، العشرين) at token i. */
export function readOrdinal(tokens: readonly ScanToken[], i: number, opts: { hour?: boolean; first?: string } = {}): OrdinalReading | null {
  const ords = loadOrdinals();
  const t = tokens[i];
  if (!t || t.kind !== 'w') return null;
  const first = ords.get(opts.first ?? t.f);
  if (!first) return null;
  if (first.cls === 'hour' && !opts.hour) return null;
  if (first.cls === 'ten') return { value: first.value, end: i + 1 };
  const next = tokens[i + 1];
  if (next && next.kind === 'w' && first.value < 10) {
    if (next.f === 'عشر' || next.f === 'عشره') return { value: first.value + 10, end: i + 2 };
    const rest = afterConnector(next.f);
    const ten = rest !== null ? ords.get(rest) : undefined;
    if (ten && ten.cls === 'ten') return { value: first.value + ten.value, end: i + 2 };
  }
  if (first.cls === 'compound-unit') return null; // الحادي alone is not an ordinal
  return { value: first.value, end: i + 1 };
}

/** Parses a whole string as one number ("ثلاثة ملايين" → 3000000, "٢٫٥ مليون" → 2500000); null if it is not one. */
export function parseArabicNumber(text: string): number | null {
  const tokens = scan(text.trim());
  if (!tokens.length) return null;
  const r = readNumber(tokens, 0);
  if (r && r.end === tokens.length) return r.value;
  const o = readOrdinal(tokens, 0, { hour: true });
  if (o && o.end === tokens.length) return o.value;
  return null;
}
