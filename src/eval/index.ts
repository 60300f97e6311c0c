/**
 * eval: scores the analyzer (and two baselines) against annotated threads.
 * Format of the gold file: ../shared/eval/FORMAT.md.
 */
export { readGold, parseGoldLine, type GoldThread, type GoldUnit, type GoldRelation } from './gold.js';
export { matchSpans, spansMatch, overlap, MATCH_MODES, type MatchMode, type Span } from './spans.js';
export { scoreThread, judgeEdges, addCounts, prf, type Prediction, type Counts, type Scores, type ThreadCounts, type JudgedEdge } from './score.js';
export { calibrationReport, CALIBRATED_TYPES, CALIBRATION_BINS, type CalibratedType, type CalibrationCounts, type TypeCalibration, type BinReport } from './calibration.js';
export { sentenceBaseline, majorityBaseline, majorityLabel } from './baselines.js';
export { threadSentences, type SentenceSpan } from './sentences.js';
export { runEval, goldToThread, SYSTEMS, type EvalResult, type EvalOptions, type SystemName } from './run.js';
export { buildReport, formatTable, type EvalReport, type SystemReport } from './report.js';
