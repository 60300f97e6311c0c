import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { readMastodon, mastodonAdapter } from '../../../src/ingest/formats/mastodon.js';
import { readInput } from '../../../src/ingest/index.js';
import { detectsJson, expectWellFormed, fixture, fixtureJson } from './load.js';

describe('mastodon adapter', () => {
  // CONSTRUCTED: the only real context file has synthetic text; this one follows the documented
  // fields with real-shaped HTML (h-card mentions, invisible URL parts, plain Pleroma text).
  it('rebuilds the tree from a flat context; a deleted status leaves a reported dangling parent', () => {
    const raw = fixtureJson('mastodon/constructed_context_dangling.json') as { ancestors: unknown[]; descendants: unknown[] };
    const [thread] = readMastodon(raw);
    expectWellFormed([thread!]);
    expect(thread!.comments).toHaveLength(raw.ancestors.length + raw.descendants.length);
    expect(thread!.comments.map((c) => [c.id, c.parentId, c.author])).toEqual([
      ['110000000000000001', null, 'ann'],
      ['110000000000000002', '110000000000000001', 'bo@other.example'],
      ['110000000000000004', '110000000000000003', 'di'],
      ['AbCdEf123', '110000000000000002', 'pl@pleroma.example'],
    ]);
    expect(thread!.meta!.missing).toEqual({ count: 1, ids: ['110000000000000003'], orphans: ['110000000000000004'] });
    const [ann, bo, di, pl] = thread!.comments;
    expect(ann!.text).toBe('Cities should ban cars from their centres.\n\nIt makes streets safer.');
    expect(bo!.text).toBe('@ann Deliveries still need access.\nShops would suffer.');
    expect(di!.text).toBe('Answering a status that was deleted: example.org/a/very/lo');
    expect(di!.meta!.contentWarning).toBe('long');
    expect(pl!.text).toBe('plain text from a Pleroma server, no HTML');
  });

  it('keeps both statuses when a context repeats an id (the MastodonKit fixture does)', () => {
    const [thread] = readMastodon(fixtureJson('mastodon/MastodonKit__Context.json'));
    expectWellFormed([thread!]);
    expect(thread!.comments.map((c) => c.id)).toEqual(['1', '1~2']);
    expect(thread!.meta!.duplicateIds).toEqual({ count: 1, ids: ['1'] });
  });

  it('shows an Akkoma embedded quote as a quote of the quoted status', () => {
    const [thread] = readMastodon(fixtureJson('mastodon/TootSDK__post_akkoma_quote.json'));
    const [c] = thread!.comments;
    expect(c!.id).toBe('Al30Y6dIQNzsEKhR5s'); // opaque, non-numeric id kept as is
    expect(c!.text.endsWith('\n\n> got a flu shot and fruit tea')).toBe(true);
    expect(c!.quotes).toEqual([{ start: c!.text.indexOf('> got'), end: c!.text.length, sourceCommentId: 'Al2KABLN3tuRoeE0A4', sourceAuthor: 'technicat@universeodon.com' }]);
  });

  it('reads single statuses (edited, emoji) and ignores a streaming delete event', () => {
    const [edited] = readMastodon(fixtureJson('mastodon/TootSDK__post_edited.json'));
    expect(edited!.comments[0]!.meta!.editedAt).toBe('2024-04-19T22:15:22.000Z');
    expect(edited!.comments[0]!.text).toBe('listening to #UB40\n\nexample.com/albums/8513');
    const [emoji] = readMastodon(fixtureJson('mastodon/TootSDK__post_with_emojis_and_attachments.json'));
    expect(emoji!.comments[0]!.text).toBe('I just #love #coffee :heart_cup: There is no better way to start the day.');
    expect(detectsJson(mastodonAdapter, fixtureJson('mastodon/TootSDK__streaming_delete.json'))).toBe(false);
  });

  it('is recognised by --from auto and names the path of a bad status', () => {
    expect(readInput(fixture('mastodon/MastodonKit__Context.json')).format).toBe('mastodon');
    const bad = fixtureJson('mastodon/constructed_context_dangling.json') as { descendants: { id: unknown }[] };
    bad.descendants[1]!.id = { nested: true };
    expect(() => readMastodon(bad)).toThrow(InputError);
    expect(() => readMastodon(bad)).toThrow('$.descendants[1].id: expected an id');
  });
});
