import { describe, expect, it } from 'vitest';
import { analyzeThread } from '../../src/analyze.js';
import type { Thread, UnitType } from '../../src/schema/index.js';

/** Types of the units of a two-comment thread: a post and a reply. */
function types(post: string, reply?: string): Array<[string, UnitType]> {
  const comments: Thread['comments'] = [{ id: 'p', parentId: null, author: null, text: post }];
  if (reply) comments.push({ id: 'r', parentId: 'p', author: null, text: reply });
  return analyzeThread({ id: 't', source: 'json', comments }).units.map((u) => [u.text, u.type]);
}

describe('classify', () => {
  it('reads forecasts as predictions', () => {
    const t = new Map(types('Rents will fall once the rules change. Prices are going to drop. I expect vacancies to rise.'));
    expect(t.get('Rents will fall once the rules change.')).toBe('prediction');
    expect(t.get('Prices are going to drop.')).toBe('prediction');
    expect(t.get('I expect vacancies to rise.')).toBe('prediction');
  });

  it('reads "I will" and "I\'ll" as an intention, not a forecast', () => {
    // "I’ll write them up later" paraphrases a real Discourse post, where it was typed a prediction.
    const t = new Map(types('I’ll write them up later. Rents will fall. We’ll see prices drop.'));
    expect(t.get('I’ll write them up later.')).not.toBe('prediction');
    expect(t.get('Rents will fall.')).toBe('prediction');
    expect(t.get('We’ll see prices drop.')).toBe('prediction');
  });

  it('reads a sentence that opens with "will", its subject the writer left out, as an intention', () => {
    // The first is from a real Stack Exchange post (fixtures/forum-samples/stackexchange).
    const t = new Map(types("(Will try to update later with a friend's research on amount of alcohol.) Thanks, will do. The rules will change. Will rents fall?"));
    expect(t.get("(Will try to update later with a friend's research on amount of alcohol.)")).not.toBe('prediction');
    expect(t.get('Thanks, will do.')).not.toBe('prediction');
    expect(t.get('The rules will change.')).toBe('prediction');
    expect(t.get('Will rents fall?')).toBe('question');
  });

  it('reads "in N years" as a forecast only when it looks ahead', () => {
    // The first sentence is from a real Hacker News comment (fixtures/forum-samples/hackernews): a span looking back.
    const t = new Map(types('Trump saw the highest turnout among minorities for republicans in 60 years and it’s for a reason. For the first time in 20 years, the council met. Rents fall in 10 years once the rules change.'));
    expect(t.get('Trump saw the highest turnout among minorities for republicans in 60 years and it’s for a reason.')).not.toBe('prediction');
    expect(t.get('For the first time in 20 years, the council met.')).not.toBe('prediction');
    expect(t.get('Rents fall in 10 years once the rules change.')).toBe('prediction');
  });

  it('reads the items under a heading that announces forecasts as predictions', () => {
    const t = new Map(types('Implications:\n- Developers build more duplexes.\n- Rents stabilise in the inner suburbs.'));
    expect(t.get('Implications:')).toBe('heading');
    expect(t.get('Developers build more duplexes.')).toBe('prediction');
    expect(t.get('Rents stabilise in the inner suburbs.')).toBe('prediction');
  });

  it('reads disputes as rebuttals and agreement as concessions', () => {
    const t = new Map(types('Zoning is the main cause of high rents.', "That's not true, interest rates matter more. I agree that zoning matters somewhat. I disagree that it is the main cause."));
    expect(t.get("That's not true, interest rates matter more.")).toBe('rebuttal');
    expect(t.get('I agree that zoning matters somewhat.')).toBe('concession');
    expect(t.get('I disagree that it is the main cause.')).toBe('rebuttal');
  });

  it('does not read a role ("As a foreigner, ...") as a reason, as it does "As prices rose, ..."', () => {
    // The first sentence is from a real Hacker News comment (fixtures/forum-samples/hackernews).
    const t = new Map(types('As a foreigner not living in the US of A, I feel that your last paragraph outlines it perfectly. As prices rose, people moved out.'));
    expect(t.get('As a foreigner not living in the US of A, I feel that your last paragraph outlines it perfectly.')).toBe('claim');
    expect(t.get('As prices rose, people moved out.')).toBe('premise');
  });

  it('reads reasons as premises and asks as questions', () => {
    const t = new Map(types('Cities should allow duplexes. Because land is scarce, density is the only lever. For example, Minneapolis did it. Who pays for the roads?'));
    expect(t.get('Because land is scarce, density is the only lever.')).toBe('premise');
    expect(t.get('For example, Minneapolis did it.')).toBe('premise');
    expect(t.get('Who pays for the roads?')).toBe('question');
  });

  it('reads talk about the post itself (thanks, edits) as other, behind brackets or Markdown emphasis too', () => {
    // "(EDIT 2: done!)" and "**edit**: my terrible grammar" close real Change My View comments (../shared/eval).
    const t = new Map(types('Rents will fall once the rules change. Thanks for reading. (EDIT 2: done!)\n\n**edit**: my terrible grammar'));
    expect(t.get('Thanks for reading.')).toBe('other');
    expect(t.get('(EDIT 2: done!)')).toBe('other');
    expect(t.get('**edit**: my terrible grammar')).toBe('other');
  });

  it('gives every unit a confidence between 0 and 1', () => {
    const graph = analyzeThread({ id: 't', source: 'json', comments: [{ id: 'a', parentId: null, author: null, text: 'Thanks! Rents will fall. I think so.' }] });
    for (const u of graph.units) expect(u.confidence).toBeGreaterThan(0), expect(u.confidence).toBeLessThanOrEqual(1);
  });
});
