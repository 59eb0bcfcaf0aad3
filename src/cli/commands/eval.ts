import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import { readTextInput } from '../input.js';
import { terminalSafe } from '../terminal.js';
import { normalizeTag, parseConll } from '../../ner/conll.js';
import { evaluate, formatEvaluation, type Scores } from '../../ner/evaluate.js';
import { CONTEXT_WINDOW, loadModel, tagSentences } from '../../ner/tagger.js';
import { applyRules } from '../../ner/rules.js';
import { decodeDigests, sentenceDigest } from '../../ner/seen.js';

const TASKS = ['ner'] as const;

/**
 * `marsad eval ner FILE [--json] [--predictions OUT]`: CoNLL entity-level exact-match P/R/F1 of the tagger on a
 * `word TAG` file. The tagger sees only the words; `--predictions` writes `word gold predicted` lines so any
 * scorer (e.g. conlleval) can check the figures.
 */
const RULE_NOTE = { none: 'the model alone', knowledge: 'model + knowledge rules', all: 'model + the whole rule layer' } as const;

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('evaluate a component on a labelled file: eval ner FILE (CoNLL "word TAG" lines)')
    .argument('<task>', `what to evaluate (${TASKS.join(', ')})`)
    .argument('<file>', 'labelled file: one "word TAG" per line, blank line between sentences')
    .option('--json', 'print the scores as JSON (fractions in 0..1)')
    .option('--predictions <out>', 'write "word gold predicted" per line to this file')
    .option('--rules', "apply the whole analyze-time rule layer, Marsad's annotation policy included (e.g. ministries as ORG)")
    .option('--model-only', 'score the statistical model alone, without the rule layer\'s knowledge rules')
    .action((task: string, file: string, opts: { json?: boolean; predictions?: string; rules?: boolean; modelOnly?: boolean }) => {
      if (opts.rules && opts.modelOnly) throw new UserError('eval: --rules and --model-only exclude each other');
      if (!(TASKS as readonly string[]).includes(task)) throw new UserError(`eval: unknown task "${task}" (tasks: ${TASKS.join(', ')})`);
      // the same checks as analyze: a missing file, a folder, a binary file or invalid UTF-8 is one clear line
      const { text } = readTextInput(file);
      const { sentences, problems } = parseConll(text);
      if (!sentences.length) throw new UserError(`${file}: no "word TAG" lines found`);
      for (const p of problems.filter((p) => !p.action.startsWith('empty'))) {
        process.stderr.write(terminalSafe(`marsad: ${file}:${p.line}: "${p.text}" → ${p.action}`) + '\n');
      }
      // types we do not score (Wojood's DATE, a typo such as B-LOCC) are read as O: say which, and how often
      const ignored = new Map<string, number>();
      for (const sent of sentences) {
        for (const t of sent.tags) if (t !== 'O' && normalizeTag(t) === 'O') ignored.set(t.slice(2), (ignored.get(t.slice(2)) ?? 0) + 1);
      }
      if (ignored.size) {
        const list = [...ignored].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ×${n}`).join(', ');
        process.stderr.write(`marsad: note: ${file}: tags of types other than PER/PERS, LOC, ORG and MISC are read as O: ${list}\n`);
      }
      let models;
      try {
        models = loadModel();
      } catch (err) {
        throw new UserError(`eval: ${(err as Error).message}`);
      }
      // sentences the model was trained on (a digest list in its metadata): their scores say little about unseen text
      const trainedOn = decodeDigests(models.first.meta.trainingSentences);
      const seen = sentences.filter((s) => trainedOn.has(sentenceDigest(s.words))).length;
      if (seen) {
        process.stderr.write(
          `marsad: note: ${seen} of the ${sentences.length} sentences of ${file} were in the NER model's training data (${String(models.first.meta.trainedOn ?? 'its training file')}); ` +
            `the scores overstate how it does on unseen text\n`,
        );
      }
      const t0 = process.hrtime.bigint();
      // consecutive sentences are read as running text: pass 2 looks at mentions ±CONTEXT_WINDOW sentences away
      const words = sentences.map((s) => s.words);
      let predicted = tagSentences(words, CONTEXT_WINDOW);
      // by default the rule layer's knowledge rules (name lists, a reading's edges), not its policy or document rules
      const rules = opts.modelOnly ? 'none' : opts.rules ? 'all' : 'knowledge';
      if (rules !== 'none') predicted = applyRules(words, predicted, rules);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const gold = sentences.map((s) => s.tags.map(normalizeTag));
      const result = evaluate(gold, predicted);
      const tokens = sentences.reduce((n, s) => n + s.words.length, 0);
      if (opts.predictions) {
        const lines: string[] = [];
        sentences.forEach((s, i) => {
          s.words.forEach((w, j) => lines.push(`${w || '_'} ${gold[i][j]} ${predicted[i][j]}`));
          lines.push('');
        });
        writeFileSync(opts.predictions, lines.join('\n'));
      }
      if (opts.json) {
        const strip = (s: Scores) => ({ precision: s.precision, recall: s.recall, f1: s.f1, gold: s.gold, predicted: s.predicted, correct: s.correct });
        const byType = Object.fromEntries(Object.entries(result.byType).map(([t, s]) => [t, strip(s)]));
        process.stdout.write(
          JSON.stringify({ ...strip(result), byType, rules, sentences: sentences.length, seenInTraining: seen, tokens, seconds, tokensPerSecond: seconds > 0 ? Math.round(tokens / seconds) : null }, null, 2) + '\n',
        );
      } else {
        process.stdout.write(`${formatEvaluation(result)}\n${sentences.length} sentences, ${tokens} tokens, tagged in ${seconds.toFixed(2)} s (${Math.round(tokens / Math.max(seconds, 1e-9))} tokens/s); ${RULE_NOTE[rules]}\n`);
      }
    });
}
