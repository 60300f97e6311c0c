/**
 * opensConclusion: "So ..." draws a conclusion from the sentence before only when the "so" means
 * "therefore". Every example is a real sentence: from the annotated Change My View threads
 * (../shared/eval/cmv-dev.jsonl), the Hacker News, Reddit and Stack Exchange exports in
 * fixtures/forum-samples and ../shared/forum-samples.
 */
import { describe, expect, it } from 'vitest';
import { CONCLUSION_OPENING, opensConclusion } from '../../src/classify/cues.js';

describe('opensConclusion', () => {
  it('keeps "so" that means "therefore", and the other markers', () => {
    for (const s of [
      'So the US middle class did benefit from not being drafted into the global mega-conflicts we avoided.',
      'So it would seem that blame for previous wars should fall across both Congress and the President',
      'So his mandate is effectively toast.',
      'So, what solution we come up with should accommodate such change.',
      'So you can certainly drink the beer.',
      'So I do eat honey and dairy.',
      'So, if you enjoy the beer in a frozen glass, then keep at it.',
      "So to that end, it's good that people have different Option 1 priorities to attack the problems from multiple angles.",
      'Thus it would make zero sense to claim that one candidate was the winner when the votes that are yet to be counted are enough to sway the results.',
      'Therefore once you are boiling, this process has stopped.',
    ]) {
      expect(opensConclusion(s), s).toBe(true);
    }
  });

  it('reads filler and topic turns as openers: "So yeah", "So back to ..."', () => {
    for (const s of ['So yeah.', 'So, yeah.', "So back to numbers don't lie.", 'So thank you again for finding and sharing this poem.']) expect(opensConclusion(s), s).toBe(false);
  });

  it('reads "so" before a time adverb or "far" as narration, not a conclusion', () => {
    for (const s of [
      "So recently I've seen a lot of posts condemning Islam as a violent religion or a sexist religion.",
      'So far, the consequences are extremely negative for your generation .',
      'So far there is not one story of substantial fraud that looks plausible (let alone probable).',
    ]) {
      expect(opensConclusion(s), s).toBe(false);
    }
  });

  it('reads "so" with the verb before its subject as "also": "so does an earthworm", "So did Trump."', () => {
    expect(opensConclusion('so does an earthworm, if you mean "experience messages that say \'bad things are happening\'"')).toBe(false);
    expect(opensConclusion('So did Trump.')).toBe(false);
    // No subject after the verb: "(and) so [it] is unfeasible" concludes.
    expect(opensConclusion('so is unfeasible .')).toBe(true);
  });

  it('reads degree "so" (very, many) as no conclusion', () => {
    for (const s of [
      'So glad I had the presence of mind to do that',
      'So very sorry for your loss.',
      "So many of you want to desperately believe that the abnormal situation in the US can be pinned on one man and that once he's gone everything will go back to normal.",
    ]) {
      expect(opensConclusion(s), s).toBe(false);
    }
  });

  it('reads a first-person story in the past as narration: "So I mashed up feeds ..."', () => {
    expect(opensConclusion('So I mashed up feeds from 10 left and right leaning sources each and created Smash the Bubble[2], mostly for personal consumption.')).toBe(false);
    // Present tense and a verdict on oneself still conclude.
    expect(opensConclusion('So I think the answer here is a simple "no, you can\'t."')).toBe(true);
  });

  it('reads framing of one\'s own view or question as no conclusion', () => {
    for (const s of [
      'So, my belief is that while religion can inform the views of people, it is far more likely that religion will be shaped by the people.',
      'So I want to ask the experts here',
      'So I wonder how it is classified as draft without having the characteristic of draft beer.',
    ]) {
      expect(opensConclusion(s), s).toBe(false);
    }
  });

  it('reads a question as asking, not concluding, and "So what", "So be it" as idioms', () => {
    for (const s of ['So what?', 'So why do vegans decide to be vegans, if not to directly help animals?', 'So my question is how did this discrepancy occur?', 'So be it.']) {
      expect(opensConclusion(s), s).toBe(false);
    }
  });

  it('is narrower than the marker the link models read', () => {
    // The marker shows in every example above; the models read it as before.
    expect(CONCLUSION_OPENING.test('So far, the consequences are extremely negative for your generation .')).toBe(true);
    expect(CONCLUSION_OPENING.test('So I mashed up feeds.')).toBe(true);
  });
});
