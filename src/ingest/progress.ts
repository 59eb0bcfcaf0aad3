/** Progress line and summary text for `marsad ingest` (pure formatting; the CLI decides where to print). */
import type { IngestProgress, IngestSummary } from '../store/types.js';

function clock(sec: number): string {
  if (!Number.isFinite(sec) || sec < 0) return '?';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** One line: a bar when the share done is known, then counts, articles/s and the ETA. */
export function progressLine(p: IngestProgress, width = 24): string {
  const sec = p.elapsedMs / 1000;
  const rate = sec > 0 ? p.read / sec : 0;
  let bar = '';
  let eta = '';
  const f = p.fraction ?? (p.total ? p.read / p.total : null);
  if (f !== null && f !== undefined && f > 0) {
    const filled = Math.round(Math.min(1, f) * width);
    bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(f * 100)}% `;
    eta = ` · ETA ${clock((sec * (1 - f)) / f)}`;
  }
  return `${bar}${p.read} read · ${rate.toFixed(0)}/s · added ${p.added} · duplicates ${p.duplicates} · near-duplicates ${p.nearDuplicates} · failed ${p.failed}${eta}`;
}

export function summaryText(s: IngestSummary, maxFailures = 20): string {
  const sec = s.elapsedMs / 1000;
  const lines = [
    `added ${s.added} (near-duplicates ${s.nearDuplicates}), duplicates skipped ${s.duplicates}, failed ${s.failed}` +
      (s.skippedInputs ? `, already ingested ${s.skippedInputs}` : '') +
      ` — ${s.read} read in ${sec.toFixed(1)} s (${sec > 0 ? (s.read / sec).toFixed(0) : s.read} articles/s)`,
  ];
  for (const f of s.failures.slice(0, maxFailures)) lines.push(`  failed: ${f.where}: ${f.reason}`);
  // counted from the total: the list the summary carries is capped (MAX_LISTED in run.ts)
  if (s.failed > maxFailures) lines.push(`  … and ${s.failed - maxFailures} more failures (--json lists ${s.failures.length < s.failed ? `the first ${s.failures.length}` : 'them all'})`);
  for (const w of s.warnings.slice(0, maxFailures)) lines.push(`  warning: ${w.where}: ${w.reason}`);
  if (s.warnings.length > maxFailures) lines.push(`  … and ${s.warnings.length - maxFailures} more warnings (--json lists them)`);
  return lines.join('\n') + '\n';
}
