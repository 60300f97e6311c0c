import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { LinkContext } from '../../src/link/context.js';
import { typeUncuedClaims } from '../../src/link/claim-types.js';
import { fixture } from '../helpers.js';

describe('cue-less claims take the claim model reading', () => {
  it('retypes only claims without a cue, with the model probability of the type it gives as confidence', () => {
    const units = [
      { type: 'claim', confidence: 0.5 },
      { type: 'claim', confidence: 0.5 },
      { type: 'claim', confidence: 0.7, cue: 'opinion' },
      { type: 'prediction', confidence: 0.7, cue: 'will' },
      { type: 'rebuttal', confidence: 0.3 },
    ];
    const ctx = { units, claimhood: [0.8, 0.3, 0.1, 0.1, 0.1] } as unknown as LinkContext;
    typeUncuedClaims(ctx, 0.5);
    expect(units.map((u) => [u.type, u.confidence])).toEqual([
      ['claim', 0.8],
      ['premise', 0.7],
      ['claim', 0.7],
      ['prediction', 0.7],
      ['rebuttal', 0.3],
    ]);
  });

  it('reads the reasons of the seed paste as premises and its general statements as claims', () => {
    const [graph] = analyze(fixture('seeds/thread-paste.txt'));
    const typeOf = (start: string) => graph!.units.find((u) => u.text.startsWith(start))!.type;
    expect(typeOf('If ChatGPT can’t solve a problem, the client tries again')).toBe('premise');
    expect(typeOf('If ChatGPT causes extinction')).toBe('premise');
    expect(typeOf('Capability failures are more recoverable')).toBe('claim');
    expect(typeOf('I think labs are incentivised')).toBe('claim');
  });
});
