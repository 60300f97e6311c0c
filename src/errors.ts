/**
 * Errors a user can act on. Each names the place (file, line, JSON path, comment id) and what
 * was expected, so the CLI prints one clear line instead of a stack trace.
 */

/** Where in the input a problem is. Every field is optional: say what is known. */
export interface Place {
  file?: string;
  line?: number;
  column?: number;
  /** JSON path such as `$.comments[3].text`. */
  path?: string;
  commentId?: string;
  threadId?: string;
}

export function formatPlace(place: Place): string {
  const parts: string[] = [];
  if (place.file) parts.push(place.line ? `${place.file}:${place.line}${place.column ? `:${place.column}` : ''}` : place.file);
  else if (place.line) parts.push(`line ${place.line}`);
  if (place.threadId) parts.push(`thread ${JSON.stringify(place.threadId)}`);
  if (place.path) parts.push(place.path);
  if (place.commentId) parts.push(`comment ${JSON.stringify(place.commentId)}`);
  return parts.join(', ');
}

/** The input cannot be read as asked: bad format, wrong types, broken tree. Exit code 1 in the CLI. */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly place: Place;
  constructor(message: string, place: Place = {}) {
    const where = formatPlace(place);
    super(where ? `${where}: ${message}` : message);
    this.place = place;
  }
  /** The same error, placed inside a file (and optionally a line). */
  within(extra: Place): InputError {
    return new InputError(this.detail, { ...extra, ...this.place, file: extra.file ?? this.place.file });
  }
  /** The message without its place prefix. */
  get detail(): string {
    const where = formatPlace(this.place);
    return where && this.message.startsWith(`${where}: `) ? this.message.slice(where.length + 2) : this.message;
  }
}

/** The command line was misused. Exit code 2 in the CLI. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
