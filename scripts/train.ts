/**
 * `npm run train`: fits the link models (src/link/model.ts) on the development split of the
 * annotated threads and writes src/link/weights.json. Plain batch gradient descent on a logistic
 * loss with a little L2, from zeros, in a fixed order: the same data gives the same weights.
 *
 * Each predicted unit is matched to a gold unit (lenient span match, one to one, as the scorer does); a candidate
 * edge is positive when the gold annotation relates the matched units the same way. The threshold
 * kept is the one that maximises F1 of best-candidate decoding over the split. Each edge model then gets a
 * Platt scaling, fitted to how often the edges it draws were right on threads it was not trained on (5 folds by
 * original post), so that an edge's confidence reads as the chance it is right; --cv measures that nested, the
 * scaling fitted inside each training part, and reports the expected calibration error (ECE) held out.
 *
 *   tsx scripts/train.ts [GOLD.jsonl]          fit on the whole split, write the weights
 *   tsx scripts/train.ts [GOLD.jsonl] --cv     held-out estimate: 5 folds by original post, nothing written
 *   tsx scripts/train.ts [GOLD.jsonl] --cv --repeats N
 *                                              the same over N partitions of the posts, and their mean
 *   tsx scripts/train.ts [GOLD.jsonl] --cv --oracle-claims
 *                                              the same, with each matched unit's claim-or-premise reading taken
 *                                              from gold: how far the link models could go with a perfect claim model
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { classify } from '../src/classify/index.js';
import { dedupe } from '../src/dedupe/index.js';
import { readGold, type GoldThread } from '../src/eval/gold.js';
import { goldToThread } from '../src/eval/run.js';
import { matchSpans } from '../src/eval/spans.js';
import { validateThread } from '../src/ingest/validate.js';
import { linkContext } from '../src/link/context.js';
import { ATTACK_FEATURES, CLAIM_FEATURES, SUPPORT_FEATURES, attackCandidates, claimFeatures, supportCandidates, type Candidate } from '../src/link/features.js';
import { claimNeighbours, link, modelAttacks, readClaims, type ClaimReader, type LinkModels, type LogisticModel } from '../src/link/index.js';
import type { LinkContext } from '../src/link/context.js';
import { buildGraph } from '../src/graph/index.js';
import { addCounts, judgeEdges, prf, scoreThread, type ThreadCounts } from '../src/eval/score.js';
import type { ArgumentGraph } from '../src/schema/index.js';
import { calibrationReport } from '../src/eval/calibration.js';
import { best, logit, probability } from '../src/link/model.js';
import { resolveOptions } from '../src/options.js';
import { segment } from '../src/segment/index.js';
import { fnv1a } from '../src/util/hash.js';

const goldPath = process.argv.slice(2).find((a, i, args) => !a.startsWith('--') && args[i - 1] !== '--repeats') ?? new URL('../../shared/eval/cmv-dev.jsonl', import.meta.url).pathname;
const out = new URL('../src/link/weights.json', import.meta.url);
const golds = readGold(readFileSync(goldPath, 'utf8'), goldPath);

/** How predicted units are matched to gold units for labels (lenient matches what the support figure reads). */
const MATCH = (process.env.TRAIN_MATCH ?? 'lenient') as 'strict' | 'lenient';

const ARGUMENTATIVE = new Set(['claim', 'premise', 'prediction', 'rebuttal', 'concession']);

interface Example {
  /** Candidates of one source, each with its label. */
  candidates: Array<Candidate & { y: number }>;
}

const ORACLE_CLAIMS = process.argv.includes('--oracle-claims');

/**
 * The claim reader training and scoring use: the claim model's, or with --oracle-claims one that
 * overrides the model wherever a unit matches a gold unit (claim 0.95, premise 0.05).
 */
function claimReader(gold: GoldThread, units: ReadonlyArray<{ commentId: string; start: number; end: number }>): ClaimReader {
  if (!ORACLE_CLAIMS) return readClaims;
  const match = matchSpans(units, gold.units, MATCH);
  return (ctx: LinkContext, models: LinkModels) => {
    readClaims(ctx, models);
    match.forEach((g, i) => {
      if (g !== -1 && ctx.claimhood[i]! > 0) ctx.claimhood[i] = gold.units[g]!.label === 'premise' ? 0.05 : 0.95;
    });
    claimNeighbours(ctx, models.claim.threshold);
  };
}

/** Per thread: the link context and a map from predicted unit index to gold unit id. */
function prepare(gold: GoldThread) {
  const options = resolveOptions();
  const valid = validateThread(goldToThread(gold));
  const deduped = dedupe(valid.thread, options.dedupe);
  const classified = classify(segment(valid.thread, deduped.setAside), valid.thread);
  const ctx = linkContext(valid.thread, classified.units, classified.quotes, valid.parentOf, options.link);
  const match = matchSpans(classified.units, gold.units, MATCH);
  const goldId = match.map((g) => (g === -1 ? undefined : gold.units[g]!.id));
  const related = (family: string) => new Set(gold.relations.filter((r) => r.family === family).map((r) => `${r.from}\u0000${r.to}`));
  const goldLabel = match.map((g) => (g === -1 ? undefined : gold.units[g]!.label));
  return { ctx, goldId, goldLabel, attacks: related('attack'), supports: related('support'), claims: claimReader(gold, classified.units) };
}

function examples(prepared: ReturnType<typeof prepare>, family: 'attack' | 'support'): Example[] {
  const { ctx, goldId } = prepared;
  const gold = family === 'attack' ? prepared.attacks : prepared.supports;
  const list: Example[] = [];
  ctx.units.forEach((_, s) => {
    const cands = family === 'attack' ? attackCandidates(ctx, s) : supportCandidates(ctx, s);
    if (cands.length === 0) return;
    list.push({ candidates: cands.map((c) => ({ ...c, y: gold.has(`${goldId[c.source]}\u0000${goldId[c.target]}`) ? 1 : 0 })) });
  });
  return list;
}

const FOLDS = 5;

function fit(features: readonly string[], data: readonly Example[], goldCount: number): LogisticModel {
  const rows = data.flatMap((e) => e.candidates);
  const positives = rows.filter((r) => r.y).length;
  log(`${positives} positive candidates (${data.filter((e) => e.candidates.some((c) => c.y)).length} sources with one) of ${goldCount} gold relations`);
  const w = newton(rows, features.length);
  const model: LogisticModel = { features, weights: w.map((x) => Math.round(x * 1e4) / 1e4), threshold: 1 };
  // Best-candidate decoding: each source's top candidate, kept above the threshold.
  const tops = data.map((e) => best(model, e.candidates)!).map((t) => ({ p: t.p, y: (t.candidate as Candidate & { y: number }).y })).sort((a, b) => b.p - a.p);
  let tp = 0;
  let bestF1 = 0;
  tops.forEach((t, k) => {
    tp += t.y;
    const f1 = (2 * tp) / (k + 1 + goldCount);
    if (f1 > bestF1 && (k + 1 === tops.length || tops[k + 1]!.p < t.p)) {
      bestF1 = f1;
      model.threshold = Math.round(t.p * 1e4) / 1e4;
    }
  });
  const ranked = data.filter((e) => e.candidates.some((c) => c.y));
  const right = ranked.filter((e) => (best(model, e.candidates)!.candidate as Candidate & { y: number }).y).length;
  log(`top candidate right for ${right} of ${ranked.length} sources that have a gold target among their candidates`);
  log(`${features === ATTACK_FEATURES ? 'attack' : 'support'}: ${rows.length} candidates of ${data.length} sources; best-candidate F1 on the split ${bestF1.toFixed(3)} at p ≥ ${model.threshold}`);
  features.forEach((f, i) => log(`  ${f.padEnd(26)} ${model.weights[i]!.toFixed(3)}`));
  return model;
}

/** Logistic regression by Newton's method (a few exact steps; the feature count is small), L2 on all but the bias. */
function newton(rows: ReadonlyArray<{ x: readonly number[]; y: number }>, n: number): number[] {
  const w = new Array<number>(n).fill(0);
  const l2 = Number(process.env.TRAIN_L2 ?? 1);
  for (let step = 0; step < 25; step++) {
    const g = new Array<number>(n).fill(0);
    const h = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (const r of rows) {
      let z = 0;
      for (let i = 0; i < n; i++) z += w[i]! * r.x[i]!;
      const p = 1 / (1 + Math.exp(-z));
      const v = p * (1 - p);
      for (let i = 0; i < n; i++) {
        g[i]! += (p - r.y) * r.x[i]!;
        if (r.x[i] === 0) continue;
        for (let j = 0; j < n; j++) h[i]![j]! += v * r.x[i]! * r.x[j]!;
      }
    }
    for (let i = 1; i < n; i++) {
      g[i]! += l2 * w[i]!;
      h[i]![i]! += l2;
    }
    h[0]![0]! += 1e-6;
    const delta = solve(h, g);
    let moved = 0;
    for (let i = 0; i < n; i++) {
      w[i]! -= delta[i]!;
      moved = Math.max(moved, Math.abs(delta[i]!));
    }
    if (moved < 1e-6) break;
  }
  return w;
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r]![n]!;
    for (let k = r + 1; k < n; k++) sum -= m[r]![k]! * x[k]!;
    x[r] = sum / m[r]![r]!;
  }
  return x;
}

const count = (set: readonly GoldThread[], family: string) => set.reduce((n, g) => n + new Set(g.relations.filter((r) => r.family === family).map((r) => `${r.from}\u0000${r.to}`)).size, 0);
const untrained = (features: readonly string[]): LogisticModel => ({ features, weights: features.map(() => 0), threshold: 1 });

/** The claim model's rows: each matched argumentative unit, 1 for a claim, 0 for a premise. */
function claimRowsOf(set: readonly GoldThread[]): Array<{ x: number[]; y: number }> {
  return set.flatMap((g) => {
    const p = prepare(g);
    return p.ctx.units.flatMap((u, i) => (p.goldLabel[i] && ARGUMENTATIVE.has(u.type) ? [{ x: claimFeatures(p.ctx, i), y: p.goldLabel[i] === 'premise' ? 0 : 1 }] : []));
  });
}

/**
 * One held-out estimate: posts split into FOLDS groups (partition 0 by order of first appearance, others by a
 * seeded hash of the post), each group scored by models trained on the rest. Returns units strict, rebuttal
 * typing strict, attack strict and support lenient F1, the claim model's accuracy on the matched units, and premise
 * typing strict F1.
 */
function crossValidate(posts: readonly string[], partition: number): number[] {
  const order = partition === 0 ? posts : [...posts].sort((a, b) => fnv1a(a, partition) - fnv1a(b, partition) || (a < b ? -1 : 1));
  const fold = (g: GoldThread) => order.indexOf(g.comments[0]!.text) % FOLDS;
  let total: ThreadCounts | undefined;
  let claimsRight = 0;
  let claimsSeen = 0;
  for (let k = 0; k < FOLDS; k++) {
    const models = calibrate(golds.filter((g) => fold(g) !== k));
    const held = golds.filter((g) => fold(g) === k);
    const counts = score(held, models);
    if (counts) total = addCounts(total, counts);
    for (const row of claimRowsOf(held)) {
      claimsRight += (probability(models.claim, row.x) >= 0.5 ? 1 : 0) === row.y ? 1 : 0;
      claimsSeen++;
    }
  }
  const f = (key: 'units' | 'rebuttals' | 'premises' | 'attacks' | 'supports', mode: 'strict' | 'lenient') => prf(total![key][mode]).f1;
  const ece = (type: 'rebuts' | 'supports') => calibrationReport(total!.calibration[type]).ece;
  return [f('units', 'strict'), f('rebuttals', 'strict'), f('attacks', 'strict'), f('supports', 'lenient'), claimsRight / claimsSeen, f('premises', 'strict'), ece('rebuts'), ece('supports')];
}

/** Fits the three models in the order the linker applies them. */
function train(set: readonly GoldThread[]): LinkModels {
  const models: LinkModels = { claim: { ...untrained(CLAIM_FEATURES), threshold: 0.5 }, attack: untrained(ATTACK_FEATURES), support: untrained(SUPPORT_FEATURES) };
  // 1. Claim or premise, per matched argumentative unit.
  const claimRows = claimRowsOf(set);
  models.claim = { features: CLAIM_FEATURES, weights: newton(claimRows, CLAIM_FEATURES.length).map((x) => Math.round(x * 1e4) / 1e4), threshold: 0.5 };
  const accuracy = claimRows.filter((r) => (probability(models.claim, r.x) >= 0.5 ? 1 : 0) === r.y).length / claimRows.length;
  log(`claim: ${claimRows.length} units, ${claimRows.filter((r) => r.y).length} claims; accuracy on the split ${accuracy.toFixed(3)}`);
  CLAIM_FEATURES.forEach((f, i) => log(`  ${f.padEnd(26)} ${models.claim.weights[i]!.toFixed(3)}`));
  /** Each thread prepared and read by the models trained so far, as the linker would. */
  const read = (g: GoldThread) => {
    const p = prepare(g);
    p.claims(p.ctx, models);
    return p;
  };
  // 2. Attacks, then 3. supports, read after the attack model has typed its rebuttals, as the linker does.
  models.attack = fit(ATTACK_FEATURES, set.flatMap((g) => examples(read(g), 'attack')), count(set, 'attack'));
  const supportData = set.flatMap((g) => {
    const prepared = read(g);
    modelAttacks(prepared.ctx, models, new Set(prepared.ctx.units.flatMap((u, i) => (u.type === 'rebuttal' ? [i] : []))));
    return examples(prepared, 'support');
  });
  models.support = fit(SUPPORT_FEATURES, supportData, count(set, 'support'));
  return models;
}

/** The analyzer's graph of a gold thread with the given models. */
function analyzeWith(gold: GoldThread, models: LinkModels): ArgumentGraph {
  const options = resolveOptions();
  const valid = validateThread(goldToThread(gold));
  const deduped = dedupe(valid.thread, options.dedupe);
  const classified = classify(segment(valid.thread, deduped.setAside), valid.thread);
  const edges = link(classified, valid.thread, valid.parentOf, options.link, models, claimReader(gold, classified.units));
  return buildGraph(valid.thread, deduped.duplicates, classified.units, edges, []);
}

/** The analyzer with the given models, scored by the eval's scorer. */
function score(set: readonly GoldThread[], models: LinkModels): ThreadCounts | undefined {
  let total: ThreadCounts | undefined;
  for (const gold of set) total = addCounts(total, scoreThread(gold, analyzeWith(gold, models)));
  return total;
}

/**
 * The models fitted on `set`, each edge model with the Platt scaling that maps its probability to
 * how often its edges were right on threads it was not trained on: `set`'s posts in FOLDS groups,
 * each group's edges drawn by models trained on the others, judged against gold and pooled.
 */
function calibrate(set: readonly GoldThread[]): LinkModels {
  const posts = [...new Set(set.map((g) => g.comments[0]!.text))];
  const fold = (g: GoldThread) => posts.indexOf(g.comments[0]!.text) % FOLDS;
  const points: Record<'rebuts' | 'supports', Array<{ x: number[]; y: number }>> = { rebuts: [], supports: [] };
  for (let k = 0; k < FOLDS; k++) {
    const models = train(set.filter((g) => fold(g) !== k));
    for (const gold of set.filter((g) => fold(g) === k)) {
      for (const { edge, right } of judgeEdges(gold, analyzeWith(gold, models))) {
        // A restatement's confidence is its word match, not a model's probability: it is not scaled.
        if (edge.evidence.kind !== 'restatement') points[edge.type].push({ x: [1, logit(edge.confidence)], y: right ? 1 : 0 });
      }
    }
  }
  const models = train(set);
  const platt = (rows: Array<{ x: number[]; y: number }>): readonly [number, number] | undefined => {
    const [b, a] = newton(rows, 2);
    log(`  Platt scaling over ${rows.length} held-out edges (${rows.filter((r) => r.y).length} right): a ${a!.toFixed(3)}, b ${b!.toFixed(3)}`);
    // A scaling that does not rise with the probability would turn the ranking over: keep the probability then.
    return a! > 0 ? [Math.round(a! * 1e4) / 1e4, Math.round(b! * 1e4) / 1e4] : undefined;
  };
  const attack = platt(points.rebuts);
  const support = platt(points.supports);
  if (attack) models.attack.calibration = attack;
  if (support) models.support.calibration = support;
  return models;
}

let quiet = false;
function log(line: string): void {
  if (!quiet) console.log(line);
}

if (process.argv.includes('--cv')) {
  // Held-out estimate: threads grouped by their original post, so no post is both trained on and scored.
  // With 16 posts the figures move by a few hundredths with the partition, so --repeats N averages N partitions.
  quiet = true;
  const posts = [...new Set(golds.map((g) => g.comments[0]!.text))];
  const repeats = Number(process.argv[process.argv.indexOf('--repeats') + 1]) || 1;
  const keys = ['units strict', 'rebuttal typing strict', 'attack strict', 'support lenient', 'claim-or-premise accuracy', 'premise typing strict', 'rebuts ECE', 'supports ECE'] as const;
  const sums = keys.map(() => 0);
  for (let r = 0; r < repeats; r++) {
    const figures = crossValidate(posts, r);
    figures.forEach((x, i) => (sums[i]! += x));
    console.log(`${FOLDS}-fold cross-validation by original post (${posts.length} posts${r > 0 ? `, partition ${r}` : ''})${ORACLE_CLAIMS ? ', gold claim-or-premise readings' : ''}: ${keys.map((k, i) => `${k} ${figures[i]!.toFixed(3)}`).join(', ')}`);
  }
  if (repeats > 1) console.log(`mean of ${repeats} partitions: ${keys.map((k, i) => `${k} ${(sums[i]! / repeats).toFixed(3)}`).join(', ')}`);
} else {
  const models = calibrate(golds);
  writeFileSync(out, `${JSON.stringify(models, null, 1)}\n`);
  console.log(`wrote ${out.pathname}`);
}
