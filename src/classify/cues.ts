/**
 * Cue lexicons: the explainable signals the classifier reads. Each cue has a name (reported as
 * edge evidence) and a weight. Patterns are anchored or bounded by \b and contain no nested
 * quantifiers, so no input can make them backtrack badly.
 */

export interface Cue {
  name: string;
  pattern: RegExp;
  weight: number;
}

/** Disputes something said before. `reply` cues count only in a reply (in an opening post they are a claim's framing). */
export const REBUTTAL_CUES: readonly Cue[] = [
  { name: 'i-disagree', pattern: /\bI (?:\w+ )?(?:disagree|dispute|reject|doubt)\b/i, weight: 0.9 },
  { name: 'not-true', pattern: /\b(?:that|this|it|which)(?:'s| is| was) (?:simply |just |absolutely |definitely |actually )?(?:not |un)(?:true|correct|right|accurate|the case|how it works)\b/i, weight: 0.85 },
  { name: 'isnt-true', pattern: /\b(?:isn't|is not|wasn't|aren't) (?:really |necessarily )?(?:true|correct|accurate|the case)\b/i, weight: 0.8 },
  { name: 'you-are-wrong', pattern: /\b(?:you(?:'re| are)|that's|this is|that is) (?:just |simply |completely |plain )?(?:wrong|mistaken|incorrect|false|a fallacy|misleading)\b/i, weight: 0.85 },
  { name: 'but-actually', pattern: /\b(?:but|no,?) actually\b/i, weight: 0.8 },
  { name: 'on-the-contrary', pattern: /\b(?:on the contrary|quite the opposite|the opposite is true|the reverse is true)\b/i, weight: 0.85 },
  { name: 'doesnt-follow', pattern: /\b(?:that|this|it) (?:doesn't|does not|don't) (?:mean|follow|prove|imply|make sense|hold up|work that way)\b/i, weight: 0.75 },
  { name: 'flawed', pattern: /\b(?:false|flawed|faulty|bad|weak|poor|misleading) (?:argument|analogy|comparison|premise|assumption|logic|reasoning|dichotomy)\b/i, weight: 0.75 },
  { name: 'not-necessarily', pattern: /^(?:not (?:necessarily|really|quite|at all|so)|nope|no)\b[,.!]?/i, weight: 0.7 },
  { name: 'i-dont-think', pattern: /\bI (?:don't|do not|can't|cannot) (?:think|believe|buy|see how|agree|accept)\b/i, weight: 0.65 },
  { name: 'the-problem', pattern: /\b(?:the (?:problem|issue|flaw) (?:with|is)|where (?:you|this|your argument) (?:go|goes) wrong)\b/i, weight: 0.6 },
  { name: 'contrast-opening', pattern: /^(?:but|however|yet|except|though|still|nevertheless|nonetheless)\b/i, weight: 0.5 },
  { name: 'you-claim', pattern: /\byou (?:say|said|claim|claimed|argue|argued|assume|assumed|seem to think|are assuming)\b/i, weight: 0.55 },
];

export const CONCESSION_CUES: readonly Cue[] = [
  { name: 'i-agree', pattern: /\bI (?:\w+ )?(?:agree|concede|admit|grant)\b/i, weight: 0.75 },
  { name: 'granted', pattern: /^(?:granted|admittedly|sure|true|fair enough|of course|okay|ok)\b[,.!]?/i, weight: 0.7 },
  { name: 'fair-point', pattern: /\b(?:fair point|good point|you(?:'re| are) right|you have a point|point taken|that's true|that's fair|to be fair|I see your point|I stand corrected|you've changed my view)\b/i, weight: 0.8 },
  { name: 'delta', pattern: /(?:∆|&#8710;|!delta)/i, weight: 0.9 },
];

export const PREDICTION_CUES: readonly Cue[] = [
  // "I will" / "I'll" states an intention ("I'll write more later"), not a forecast; so does a
  // sentence that opens with "will" (the subject left out is the writer: "(Will try to update
  // later…)", "Thanks, will do."; a question that opens with it is a question).
  { name: 'will', pattern: /(?<!\bI |^[\s("'“‘]*(?:(?:ok|okay|thanks|thank you|sure|yes|yeah|yep|cool|great|noted|good idea)[,!.]?\s+)?)\b(?:will|won't|shall) (?!of\b|power\b)\w+|(?<!\bI)'ll (?!of\b|power\b)\w+/i, weight: 0.7 },
  { name: 'going-to', pattern: /\b(?:is|are|am|'s|'re|'m) (?:going to|gonna|bound to|set to|about to|likely to|unlikely to|certain to|poised to)\b/i, weight: 0.75 },
  { name: 'i-expect', pattern: /\bI (?:\w+ )?(?:expect|predict|forecast|anticipate|bet|foresee)\b/i, weight: 0.85 },
  // "In 10 years" looks ahead, but "the highest turnout in 60 years" and "the first time in 20 years" look back.
  { name: 'future-time', pattern: /\b(?:in the (?:near |long |coming )?(?:future|term|years|decades)|by (?:19|20)\d\d|within (?:a|the next|\d+) (?:year|decade|month)s?|in \d+ (?:years|decades)(?<!\b(?:\w+est|first|last|only|most|least|worst|time|ever)\b[^.;!?]{0,60}in \d+ (?:years|decades)))\b/i, weight: 0.6 },
];

/** A heading that announces forecasts ("What this predicts:", "Predictions", "Implications"). */
export const PREDICTIVE_HEADING = /\b(?:predict\w*|forecast\w*|expect\w*|implication\w*|consequence\w*|what (?:this|that|it) (?:means|implies))\b/i;

export const PREMISE_CUES: readonly Cue[] = [
  // "As a foreigner, ..." and "As someone who ..." name a role, and "As a result, ..." opens a conclusion: none gives a reason.
  { name: 'because-opening', pattern: /^(?:because|since|as(?! (?:a|an|someone|somebody|one)\b)|given that|seeing as|considering)\b/i, weight: 0.8 },
  { name: 'example', pattern: /\b(?:for example|for instance|e\.g\.|such as|case in point|to illustrate)\b/i, weight: 0.7 },
  { name: 'evidence', pattern: /\b(?:studies (?:show|suggest|found)|research (?:shows|suggests|has shown)|according to|evidence (?:shows|suggests)|statistics show|data (?:shows|suggest)|source:|https?:\/\/)/i, weight: 0.75 },
  { name: 'after-all', pattern: /^(?:after all|the reason is|this is because|that's because|it's because|mainly because|partly because)\b/i, weight: 0.8 },
  { name: 'because', pattern: /\b(?:because|due to|owing to|as a result of|given that|since (?!\d|then|last|the \d))\b/i, weight: 0.55 },
  { name: 'so', pattern: /[,;–—-] ?(?:so|therefore|thus|hence)\b/i, weight: 0.5 },
];

/**
 * A conclusion marker at the opening ("So ...", "Therefore ..."). The link models read it as a
 * feature; whether the sentence before is its premise is `opensConclusion`'s narrower question.
 */
export const CONCLUSION_OPENING = /^(?:so|therefore|thus|hence|consequently|this means|which means|that means|in conclusion|in short|overall|ultimately)\b[,:]?/i;

/**
 * "So" that opens a sentence without drawing a conclusion from the one before. English uses it
 * as a discourse opener for several things that are not "therefore":
 * - filler or a turn to a new topic: "So yeah", "So anyway", "So basically", "So, um", "So here goes:", "So back to ...",
 *   "So let's see ...";
 * - time, narration and "as far as": "So far, ...", "So recently I've seen ...", "So long as ...";
 * - degree, "so" as "very" before an adjective or quantifier: "So many ...", "So glad I ...", "So very sorry";
 * - a first-person narrative in the past: "So I went to the store", "So we decided to ...", "So I've been ...";
 * - framing one's own view or question rather than inferring it: "So, my belief is ...", "So my question is ...",
 *   "So I wonder ...", "So I want to ask ...";
 * - idioms: "So what", "So be it".
 * Inversion ("so does an earthworm": "also") and questions are read in `opensConclusion`.
 */
const DISCOURSE_SO = new RegExp(
  '^so\\b[\\s,.…:;!–—-]*(?:' +
    [
      // filler and topic turns
      "(?:yeah|yea|yep|yup|anyway|anyways|basically|um+|uh+|erm|er|hmm+|well|like(?=,)|ok|okay|alright|thanks|thank you|here (?:goes|we go|is|are|'s)|back to|moving on|on to|let's (?:see|look|start|talk|try|get|go|move|say|assume|suppose|be (?:clear|honest|real)))\\b",
      // time and narration
      "(?:far|recently|lately|today|yesterday|tonight|earlier|currently|first(?:ly)?(?=,)|one day|the other day|last (?:night|week|weekend|month|year|time)|this (?:morning|afternoon|evening|week|weekend|month|year)|a (?:few|couple of) (?:days|weeks|months|years) ago)\\b(?!['-])",
      '(?:long|far) as\\b',
      // degree
      "(?:many|much|few|little|very|too|glad|sorry|tired|happy|sad|excited|proud|grateful|thankful|true|cool|weird|funny|sick|bored|jealous|lucky|cute|beautiful|awesome|amazing|annoying|frustrating|confusing|confused)\\b(?!['-])",
      // first-person narrative in the past
      "(?:I|we)(?: (?:then|just|finally|eventually|actually|recently|basically))? (?:(?!need|feed|proceed|exceed|succeed)\\w+ed|went|got|saw|told|said|asked|took|came|made|bought|found|thought|heard|ran|left|spent|gave|began|sat|met|wrote|sent|ate|drank|kept|brought|did some|had a|had to|'ve been|have been|was (?:like|thinking|reading|watching|talking|wondering|going|looking|trying)|were (?:talking|thinking|going|looking|trying))\\b",
      // framing one's own view or question
      '(?:my|our) (?:belief|beliefs|view|views|opinion|position|question|questions|take|understanding|thinking|thoughts|issue|problem|concern|concerns)(?: here)? (?:is|are|was|were)\\b',
      "I (?:wonder|was wondering|am wondering|'m wondering|want to (?:ask|know)|wanted to (?:ask|know)|would like to (?:ask|know)|'d like to (?:ask|know)|have a question)\\b",
      // idioms
      "(?:what(?=\\s*(?:[?!.,]|$|if\\b))|be it\\b)",
    ].join('|') +
    ')',
  'i',
);

/** "So do I", "so does an earthworm", "So is separating families ...": "so" with the verb before its subject means "also". */
const SO_INVERSION = /^so,? (?:do|does|did|is|am|are|was|were|can|could|will|would|should|shall|have|has|had|must|might) (\S+)/i;
/** What can be the subject after an inverted "so": a pronoun, a determiner, a name, a gerund. */
const INVERTED_SUBJECT = /^(?:(?:I|you|he|she|it|we|they|mine|yours|his|hers|ours|theirs|a|an|the|this|that|these|those|my|your|her|its|our|their|many|most|some|every|each|all|both|everyone|everybody|someone|somebody|nobody)[,.!;]?$|[A-Z]|\w+ing$)/;

/**
 * Whether a sentence opens a conclusion drawn from what came before it: a conclusion marker
 * (CONCLUSION_OPENING), unless the "so" is a discourse opener (DISCOURSE_SO), an inversion meaning
 * "also" ("so does an earthworm"), or the sentence asks rather than concludes ("So what do you do ...?").
 * Expects plain apostrophes (plainApostrophes).
 */
export function opensConclusion(text: string): boolean {
  if (!CONCLUSION_OPENING.test(text)) return false;
  if (/\?["')\]]*\s*$/.test(text)) return false;
  if (!SO_OPENING.test(text)) return true;
  if (DISCOURSE_SO.test(text)) return false;
  const inversion = SO_INVERSION.exec(text);
  return !(inversion && INVERTED_SUBJECT.test(inversion[1]!));
}

const SO_OPENING = /^so\b/i;

export const CLAIM_CUES: readonly Cue[] = [
  { name: 'opinion', pattern: /\b(?:I (?:\w+ )?(?:think|believe|feel|argue|maintain|hold|contend|suspect)|in my (?:opinion|view|experience)|imo|imho|my (?:view|position|point|argument) is)\b/i, weight: 0.7 },
  { name: 'normative', pattern: /\b(?:should|shouldn't|must|ought|need to|needs to|has to|have to|is (?:better|worse|wrong|right|bad|good|unfair|immoral|unethical)|are (?:better|worse|wrong|right|bad|good))\b/i, weight: 0.65 },
  { name: 'cmv', pattern: /^(?:CMV|TL;?DR)\b/i, weight: 0.8 },
];

/** Talk about the conversation rather than the topic: thanks, greetings, edits, sign-offs. */
export const OTHER_PATTERN = /^[(*_~\s]*(?:thanks?(?: you)?|thank you|hi|hello|hey|lol|haha|edit\b|update\b|cheers|welcome|good luck|hope this helps|source\b|sources\b|\[deleted\]|\[removed\])/i;

/**
 * The first cue of the list that the text shows. Most sentences show none, so one combined
 * pattern per list answers "none" in a single scan before the cues are tried one by one.
 */
export function firstCue(cues: readonly Cue[], text: string): Cue | undefined {
  let any = combined.get(cues);
  if (!any) {
    any = anyOf(cues.map((c) => c.pattern));
    combined.set(cues, any);
  }
  if (!any.test(text)) return undefined;
  for (const cue of cues) if (cue.pattern.test(text)) return cue;
  return undefined;
}

const combined = new WeakMap<readonly Cue[], RegExp>();

/**
 * One case-insensitive pattern that matches wherever any of `patterns` does. Patterns opening with
 * `^` or `\b` are grouped behind one shared `^` or `\b`: the same matches (an anchor distributes
 * over an alternation), but the engine then rejects most positions on the anchor alone instead of
 * trying every alternative there, which roughly halves the scan.
 */
export function anyOf(patterns: readonly RegExp[]): RegExp {
  const start: string[] = [];
  const boundary: string[] = [];
  const rest: string[] = [];
  for (const { source } of patterns) {
    if (hasTopLevelBar(source)) rest.push(source);
    else if (source.startsWith('^')) start.push(source.slice(1));
    else if (source.startsWith('\\b')) boundary.push(source.slice(2));
    else rest.push(source);
  }
  const group = (sources: string[]): string => sources.map((s) => `(?:${s})`).join('|');
  const parts = [...(start.length ? [`^(?:${group(start)})`] : []), ...(boundary.length ? [`\\b(?:${group(boundary)})`] : []), ...rest];
  return new RegExp(group(parts), 'i');
}

/** Whether a pattern source has an alternation outside any group (so a leading anchor binds only its first branch). */
function hasTopLevelBar(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}
