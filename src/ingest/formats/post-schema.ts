/**
 * The publishing app's post page as data: who wrote it, its title, its publish line and its
 * sections. Written with `zod/mini` (the browser bundle carries it) and the types inferred from it.
 */
import * as z from 'zod/mini';

/** The sections a post page has, in the order the app prints them. */
export const POST_SECTION_NAMES = ['Plan', 'Body', 'Caption', 'Pipeline', 'Chat References'] as const;
export type PostSectionName = (typeof POST_SECTION_NAMES)[number];

/** The sections that carry the post's argument (the others are the app's bookkeeping). */
export const ARGUMENT_SECTIONS: readonly PostSectionName[] = ['Body', 'Caption'];

const offset = () => z.number().check(z.int(), z.nonnegative());

/**
 * One section of a post page. `text` is the section's content without its heading and without
 * surrounding blank lines; `start`/`end` index into the page text, so `page.slice(start, end) === text`.
 * `heading` is the heading line as printed (e.g. `Plan (drafter input)`), `headingLine` its 1-based line.
 */
export const PostSectionSchema = z.object({
  name: z.enum(POST_SECTION_NAMES),
  heading: z.string(),
  headingLine: z.number().check(z.int(), z.positive()),
  text: z.string(),
  start: offset(),
  end: offset(),
});
export type PostSection = z.infer<typeof PostSectionSchema>;

/**
 * A parsed post page. `author` is the handle without its `@` (null when the page shows none);
 * `publishLine` is the status line as printed (`published · May 11, 5:53 PM · ...`) and `status`
 * its first field (`published`, `draft`, ...). Sections appear in page order; absent ones are omitted.
 */
export const PostSchema = z.object({
  author: z.nullable(z.string()),
  title: z.string(),
  publishLine: z.nullable(z.string()),
  status: z.nullable(z.string()),
  sections: z.array(PostSectionSchema),
});
export type Post = z.infer<typeof PostSchema>;
