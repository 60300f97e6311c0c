/**
 * classify: a type and a confidence for each sentence, from cues that can be explained:
 * discourse markers, modality, headings and what they announce, and position in the thread.
 */
import type { Thread, UnitType } from '../schema/index.js';
import { isQuestionPost } from '../schema/post-type.js';
import type { Segmentation, Sentence } from '../segment/index.js';
import {
  CLAIM_CUES,
  CONCESSION_CUES,
  CONCLUSION_OPENING,
  OTHER_PATTERN,
  PREDICTION_CUES,
  PREDICTIVE_HEADING,
  PREMISE_CUES,
  REBUTTAL_CUES,
  anyOf,
  firstCue,
  opensConclusion,
  type Cue,
} from './cues.js';
import { isSpaceCode } from '../util/chars.js';

/** A unit before it is placed in the graph: the contract's fields plus what later stages need. */
export interface UnitDraft {
  id: string;
  commentId: string;
  start: number;
  end: number;
  text: string;
  type: UnitType;
  confidence: number;
  /** The cue that decided the type, if one did. */
  cue?: string;
  sentence: Sentence;
  /**
   * The sentence opens with a conclusion marker ("So ...", "Therefore ..."), whatever the marker
   * does there: "So far, ..." and "So I went ..." show it too. The link models read this.
   */
  conclusionMarker: boolean;
  /**
   * The sentence opens a conclusion drawn from what came before it (opensConclusion): the marker,
   * unless "so" only opens the sentence ("So yeah", "So far", "So I went ...", "so does an
   * earthworm"), the sentence is a question, or it is the first after the thread's title. The
   * support edge "X. So Y." reads this.
   */
  concludes: boolean;
}

export interface Classified {
  units: UnitDraft[];
  quotes: Segmentation['quotes'];
}

export function classify(segmentation: Segmentation, thread: Thread): Classified {
  const units: UnitDraft[] = [];
  let scope: PredictionScope | undefined;
  let lastComment = -1;
  let lastParagraph = -1;
  const sentences = segmentation.sentences;
  const texts: string[] = [];
  for (const sentence of sentences) texts.push(plainApostrophes(sentence.text));
  // The dispute and agreement cues of a sentence, found once and only when asked for: a question or a
  // heading is decided without them, and only a section of forecasts asks about its paragraphs.
  const disputes: Array<DialogicCues | undefined> = new Array(sentences.length);
  const cuesOf = (i: number): DialogicCues => (disputes[i] ??= dialogicCues(texts[i]!));
  let dialogicParagraphs: Set<string> | undefined;
  const isDialogic = (sentence: Sentence): boolean => {
    if (!dialogicParagraphs) {
      dialogicParagraphs = new Set();
      for (const [i, s] of sentences.entries()) {
        const found = cuesOf(i);
        if (found.rebuttal || found.concession) dialogicParagraphs.add(`${s.commentIndex}:${s.paragraph}`);
      }
    }
    return dialogicParagraphs.has(`${sentence.commentIndex}:${sentence.paragraph}`);
  };
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    const comment = thread.comments[sentence.commentIndex]!;
    const isReply = comment.parentId !== null;
    const text = texts[i]!;
    const newParagraph = sentence.commentIndex !== lastComment || sentence.paragraph !== lastParagraph;
    lastComment = sentence.commentIndex;
    lastParagraph = sentence.paragraph;
    if (scope && scope.commentIndex !== sentence.commentIndex) scope = undefined;
    if (scope && newParagraph) {
      scope.paragraphs++;
      // A section of forecasts ends at a new voice (a dispute or concession) or after a short run.
      if (scope.paragraphs > MAX_SCOPE_PARAGRAPHS || isDialogic(sentence)) scope = undefined;
    }

    const decision = decide(sentence, text, isReply, isQuestionPost(comment), scope !== undefined && (newParagraph || sentence.lineKind === 'list-item'), () => cuesOf(i));
    if (decision.type === 'heading') {
      scope = PREDICTIVE_HEADING.test(text) ? { commentIndex: sentence.commentIndex, paragraphs: 0 } : undefined;
    }
    // Most sentences open with no marker; only those are read again for what the marker does.
    const conclusionMarker = CONCLUSION_OPENING.test(text);
    const unit: UnitDraft = {
      id: `u${units.length + 1}`,
      commentId: comment.id,
      start: sentence.start,
      end: sentence.end,
      text: sentence.text,
      type: decision.type,
      confidence: decision.confidence,
      sentence,
      conclusionMarker,
      concludes: conclusionMarker && opensConclusion(text) && !followsTitle(sentences, i, thread),
    };
    if (decision.cue) unit.cue = decision.cue;
    units.push(unit);
  }
  return { units, quotes: segmentation.quotes };
}

/**
 * Whether sentence `i` comes just after the thread's title, written as the opening post's first
 * line (as Change My View posts are). The body's first "So ..." opens the post; it is not
 * inferred from the title.
 */
function followsTitle(sentences: readonly Sentence[], i: number, thread: Thread): boolean {
  const sentence = sentences[i - 1];
  if (!sentence || sentence.commentIndex !== sentences[i]!.commentIndex) return false;
  const comment = thread.comments[sentence.commentIndex]!;
  if (sentence.position !== 0 || comment.parentId !== null || !thread.title) return false;
  const title = thread.title.trim();
  return title.length > 0 && comment.text.trimStart().startsWith(title);
}

interface PredictionScope {
  commentIndex: number;
  paragraphs: number;
}

const MAX_SCOPE_PARAGRAPHS = 8;

/** Fewest words for a question to be read as an argument rather than a request. */
const RHETORICAL_WORDS = 6;

interface Decision {
  type: UnitType;
  confidence: number;
  cue?: string;
}

interface DialogicCues {
  rebuttal: Cue | undefined;
  concession: Cue | undefined;
}

function decide(sentence: Sentence, text: string, isReply: boolean, questionPost: boolean, underPredictiveHeading: boolean, dialogic: () => DialogicCues): Decision {
  const words = countWords(text);
  if (sentence.lineKind === 'heading') return { type: 'heading', confidence: 0.95, cue: 'markdown-heading' };
  if (sentence.wholeLine && words <= 10 && endsWithColon(text)) return { type: 'heading', confidence: 0.85, cue: 'label-line' };
  // A question of a few words asks; a longer one in an argument mostly asserts ("Isn't X just Y?"), but on a
  // question-and-answer site the question post asks whatever its length.
  if (endsWithQuestionMark(text)) return words >= RHETORICAL_WORDS && !questionPost ? { type: 'claim', confidence: 0.45, cue: 'rhetorical-question' } : { type: 'question', confidence: 0.9, cue: 'question-mark' };
  if (words < 3 || OTHER_PATTERN.test(text)) return { type: 'other', confidence: 0.6 };

  const { rebuttal, concession } = dialogic();
  if (rebuttal && rebuttal.weight >= 0.75) return fromCue('rebuttal', rebuttal);
  if (concession && !rebuttal) return fromCue('concession', concession);
  // One scan rules out all three content lists for most sentences; the lists are read one by one only after it.
  const content = CONTENT_CUES.test(text);
  const prediction = content ? firstCue(PREDICTION_CUES, text) : undefined;
  if (prediction && !IF_OPENING.test(text)) return fromCue('prediction', prediction);
  if (underPredictiveHeading) return { type: 'prediction', confidence: 0.7, cue: 'predictive-heading' };
  if (rebuttal && isReply) return fromCue('rebuttal', rebuttal);
  if (concession) return fromCue('concession', concession);
  const premise = content ? firstCue(PREMISE_CUES, text) : undefined;
  if (premise) return fromCue('premise', premise);
  const claim = content ? firstCue(CLAIM_CUES, text) : undefined;
  if (claim) return fromCue('claim', claim);
  // A statement with no cue: most often a claim, less surely so.
  return { type: 'claim', confidence: words >= 6 ? 0.5 : 0.4 };
}

const IF_OPENING = /^if\b/i;

/** Matches where some rebuttal or concession cue does (anyOf): one scan answers "neither" for most sentences. */
const DIALOGIC_CUES = anyOf([...REBUTTAL_CUES, ...CONCESSION_CUES].map((c) => c.pattern));
/** Matches where some prediction, premise or claim cue does. */
const CONTENT_CUES = anyOf([...PREDICTION_CUES, ...PREMISE_CUES, ...CLAIM_CUES].map((c) => c.pattern));

function dialogicCues(text: string): DialogicCues {
  if (!DIALOGIC_CUES.test(text)) return { rebuttal: undefined, concession: undefined };
  return { rebuttal: firstCue(REBUTTAL_CUES, text), concession: firstCue(CONCESSION_CUES, text) };
}

function fromCue(type: UnitType, cue: Cue): Decision {
  return { type, confidence: cue.weight, cue: cue.name };
}

/**
 * Words as runs of non-space characters: a cheap scan, no regex per word. The decisions only ask
 * about counts up to WORD_CAP, so the scan stops there: a long sentence costs no more than a short one.
 */
function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (!space && !inWord && ++n >= WORD_CAP) return n;
    inWord = !space;
  }
  return n;
}

/** One more than the largest word count a decision compares with (the label-line limit, 10). */
const WORD_CAP = 11;

/** Whether the text ends in "?" followed only by closing quotes or brackets (as /\?["'”’)]*$/). */
function endsWithQuestionMark(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.includes(text[i]!)) i--;
  return i >= 0 && text.charCodeAt(i) === 63;
}

const CLOSERS = '"\'”’)';

/** Whether the text ends in ":" followed only by white space (as /:\s*$/). */
function endsWithColon(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isSpaceCode(text.charCodeAt(i))) i--;
  return i >= 0 && text.charCodeAt(i) === 58;
}

/** Curly apostrophes as straight ones, so one lexicon serves both typings. */
export function plainApostrophes(text: string): string {
  // Most sentences have none: one test spares the two replacements.
  if (!TYPOGRAPHIC.test(text)) return text;
  return text.replace(/[’‘`´]/g, "'").replace(/[“”]/g, '"');
}

const TYPOGRAPHIC = /[’‘`´“”]/;
