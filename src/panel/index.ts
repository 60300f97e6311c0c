/**
 * The chat references panel: which bot turns reference a post, and a framework-free renderer.
 * Browser-safe; the DOM is touched only when `renderReferencesPanel` is called.
 */
export { parsePost, postSection, postToThread, postPageAdapter } from '../ingest/formats/post-page.js';
export { PostSchema, PostSectionSchema, POST_SECTION_NAMES, ARGUMENT_SECTIONS } from '../ingest/formats/post-schema.js';
export type { Post, PostSection, PostSectionName } from '../ingest/formats/post-schema.js';
export { chatReferences, chatThread, referencesFromGraph } from './chat-references.js';
export type { ChatReferencesOptions } from './chat-references.js';
export { ClaimIndex, DEFAULT_MENTION_THRESHOLDS } from './overlap.js';
export type { MentionThresholds, Overlap } from './overlap.js';
export { renderReferencesPanel, EMPTY_MESSAGE } from './render.js';
export type { RenderPanelOptions } from './render.js';
export { PANEL_CSS, injectPanelStyles } from './styles.js';
export {
  ChatTurnSchema,
  ChatReferenceSchema,
  ChatReferencesSchema,
  ClaimReferencesSchema,
  FoldedTurnSchema,
  TurnSpanSchema,
  REFERENCE_RELATIONS,
} from './schema.js';
export type { ChatTurn, ChatReference, ChatReferences, ClaimReferences, FoldedTurn, TurnSpan, ReferenceRelation } from './schema.js';
