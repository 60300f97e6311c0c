import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parsePost } from '../../src/ingest/formats/post-page.js';
import { chatReferences } from '../../src/panel/chat-references.js';
import { ChatReferencesSchema, type ChatTurn, type ChatReferences } from '../../src/panel/schema.js';

const PAGE = readFileSync('fixtures/seeds/post-page.txt', 'utf8');
const POST = parsePost(PAGE);
const turns = JSON.parse(readFileSync('examples/chat-references-panel/turns.json', 'utf8')) as ChatTurn[];
const CLOSING = 'A commitment you can grade yourself is a prior.';

const referencesBy = (refs: ChatReferences, turnId: string) =>
  refs.claims.flatMap((c) => c.references.filter((r) => r.turnId === turnId).map((r) => ({ claim: c, ref: r })));

describe('chatReferences on the seed post and the example chat', () => {
  const refs = chatReferences(POST, turns);

  it('matches its own schema and lists the post\'s claims with stable ids', () => {
    expect(ChatReferencesSchema.safeParse(refs).success).toBe(true);
    expect(refs.title).toBe(POST.title);
    const body = POST.sections.find((s) => s.name === 'Body')!.text;
    for (const claim of refs.claims) {
      const section = claim.section === 'Body' ? body : POST.sections.find((s) => s.name === 'Caption')!.text;
      expect(section.slice(claim.start, claim.end)).toBe(claim.text);
      expect(claim.id).toBe(`${claim.section.toLowerCase()}:${claim.start}-${claim.end}`);
    }
    expect(refs.claims.some((c) => c.text === CLOSING)).toBe(true);
  });

  it('finds the bot turn that rebuts the closing claim, with its span and evidence', () => {
    const [hit, ...more] = referencesBy(refs, 'b2').filter((x) => x.ref.relation === 'rebuts');
    expect(more).toEqual([]);
    expect(hit!.claim.text).toBe(CLOSING);
    const b2 = turns.find((t) => t.id === 'b2')!;
    expect(b2.text.slice(hit!.ref.span.start, hit!.ref.span.end)).toBe(hit!.ref.span.text);
    expect(hit!.ref.span.text).toBe('I disagree that a commitment you can grade yourself is only a prior.');
    expect(hit!.ref.evidence.kind).toBe('restatement');
  });

  it('reports turns that restate claims without arguing as mentions', () => {
    const b3 = referencesBy(refs, 'b3');
    expect(b3.length).toBeGreaterThan(0);
    expect(b3.map((x) => x.claim.text)).toContain('The external auditor, if one exists, is reviewing the card, not the training run.');
    for (const { ref } of b3) {
      expect(ref.relation).toBe('mentions');
      expect(ref.evidence.kind).toBe('lexical');
    }
  });

  it('folds a repeated bot turn into the turn it repeats', () => {
    expect(refs.folded).toEqual([{ turnId: 'b4', of: 'b2', kind: 'exact', similarity: 1 }]);
    expect(referencesBy(refs, 'b4')).toEqual([]);
    const rebuttal = referencesBy(refs, 'b2').find((x) => x.ref.relation === 'rebuts')!;
    expect(rebuttal.ref.duplicates).toEqual([{ turnId: 'b4', of: 'b2', kind: 'exact', similarity: 1 }]);
    expect(refs.turns.map((t) => t.id)).toEqual(['b1', 'b2', 'b3', 'b4']);
  });

  it('never reports user turns, even one that repeats a claim word for word', () => {
    const echo: ChatTurn = { id: 'u9', role: 'user', text: `${CLOSING} The benchmark was designed by the lab.` };
    const withEcho = chatReferences(POST, [...turns, echo]);
    for (const id of ['u1', 'u2', 'u3', 'u9']) expect(referencesBy(withEcho, id)).toEqual([]);
    expect(withEcho.turns.every((t) => t.id.startsWith('b'))).toBe(true);
  });

  it('is deterministic and accepts the page text in place of a parsed post', () => {
    expect(chatReferences(PAGE, turns)).toEqual(refs);
  });
});

describe('chatReferences edge cases', () => {
  it('gives every claim no references when there are no bot turns', () => {
    for (const only of [[], turns.filter((t) => t.role === 'user')]) {
      const refs = chatReferences(POST, only);
      expect(refs.claims.length).toBeGreaterThan(10);
      expect(refs.claims.every((c) => c.references.length === 0)).toBe(true);
      expect(refs.turns).toEqual([]);
    }
  });

  it('does not reference the post from an unrelated bot turn', () => {
    const refs = chatReferences(POST, [{ id: 'x', role: 'bot', text: 'Preheat the oven to 200 degrees and bake the bread for forty minutes, then let it cool.' }]);
    expect(refs.claims.every((c) => c.references.length === 0)).toBe(true);
  });

  it('counts a bot turn that copies a passage of the post as mentioning the claims in it', () => {
    const body = POST.sections.find((s) => s.name === 'Body')!.text;
    const paragraph = body.split('\n\n')[1]!;
    const text = `Quoting the post:\n\n${paragraph}\n\nThat is the heart of it.`;
    const refs = chatReferences(POST, [{ id: 'q', role: 'bot', text }]);
    const copied = refs.claims.filter((c) => c.references.some((r) => r.evidence.kind === 'restatement'));
    expect(copied.map((c) => c.text).join(' ')).toBe(paragraph);
    for (const claim of copied) {
      const [ref] = claim.references;
      expect(ref).toMatchObject({ turnId: 'q', relation: 'mentions', span: { text: claim.text } });
      expect(text.slice(ref!.span.start, ref!.span.end)).toBe(claim.text);
    }
  });

  it('folds chains of repeats into the earliest turn, ignoring case and punctuation', () => {
    const b2 = turns.find((t) => t.id === 'b2')!;
    const refs = chatReferences(POST, [
      b2,
      { id: 'r1', role: 'bot', text: b2.text.toUpperCase() },
      { id: 'r2', role: 'bot', text: `${b2.text.replace(/,/g, '')}!!` },
    ]);
    expect(refs.folded.map((f) => [f.turnId, f.of])).toEqual([
      ['r1', 'b2'],
      ['r2', 'b2'],
    ]);
  });

  it('rejects malformed turns with an InputError naming the turn', () => {
    const bad = [turns[0], { id: 'b1', role: 'assistant', text: 'hi' }] as unknown as ChatTurn[];
    expect(() => chatReferences(POST, bad)).toThrow(InputError);
    expect(() => chatReferences(POST, bad)).toThrow(/\$\[1\]\.role/);
    const twice = [turns[1]!, turns[1]!];
    expect(() => chatReferences(POST, twice)).toThrow(/\$\[1\]\.id: duplicate turn id/);
  });
});
