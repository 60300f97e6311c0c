/**
 * Markdown inline markup to plain text for one line: emphasis markers, links, images, inline
 * code, escapes. Linear in the line: every scan for a closing bracket is remembered.
 */

const PUNCT = /[\p{P}\p{S}]/u;

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t' || ch === '\u00a0';
}

function isPunct(ch: string | undefined): boolean {
  return ch !== undefined && PUNCT.test(ch);
}

/** Whether a run of `*`, `_` or `~` between `before` and `after` is an emphasis marker. */
function isEmphasisRun(before: string | undefined, after: string | undefined): boolean {
  const spaceBefore = isSpace(before);
  const spaceAfter = isSpace(after);
  if (spaceBefore !== spaceAfter) return true;
  if (spaceBefore) return false; // `5 * 3`
  // Both sides are characters: a marker only where punctuation meets a word (`(*x*)`), never
  // inside a word (`snake_case`, `2*3`).
  return isPunct(before) !== isPunct(after);
}

/** Strips inline Markdown from one line of text. */
export function inlineMarkdown(line: string): string {
  if (!/[*_~`[\]!\\<^]/.test(line)) return line;
  let out = '';
  const n = line.length;
  let closeBracket = -2; // cached position of the next `]` (-1: none left)
  let i = 0;
  while (i < n) {
    const ch = line[i]!;
    if (ch === '\\' && i + 1 < n && isPunct(line[i + 1])) {
      out += line[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      let run = 1;
      while (line[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      const close = line.indexOf(fence, i + run);
      if (close !== -1) {
        out += line.slice(i + run, close).trim();
        i = close + run;
        continue;
      }
      out += fence;
      i += run;
      continue;
    }
    if (ch === '*' || ch === '_' || ch === '~') {
      let run = 1;
      while (line[i + run] === ch) run++;
      if ((ch !== '~' || run === 2) && isEmphasisRun(line[i - 1], line[i + run])) {
        i += run;
        continue;
      }
      out += line.slice(i, i + run);
      i += run;
      continue;
    }
    if (ch === '^' && i + 1 < n && !isSpace(line[i + 1])) {
      i++; // Reddit superscript
      continue;
    }
    const image = ch === '!' && line[i + 1] === '[';
    if (ch === '[' || image) {
      const open = image ? i + 1 : i;
      if (closeBracket !== -1 && closeBracket < open) closeBracket = line.indexOf(']', open);
      if (closeBracket !== -1 && line[closeBracket + 1] === '(') {
        const closeParen = line.indexOf(')', closeBracket + 2);
        if (closeParen !== -1) {
          out += inlineMarkdown(line.slice(open + 1, closeBracket));
          i = closeParen + 1;
          closeBracket = -2;
          continue;
        }
      }
      out += ch;
      i++;
      continue;
    }
    if (ch === '<') {
      const close = line.indexOf('>', i + 1);
      const inner = close === -1 ? '' : line.slice(i + 1, close);
      if (/^(?:https?:\/\/|mailto:)\S+$/i.test(inner)) {
        out += inner; // autolink
        i = close + 1;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}
