/**
 * HTML character references to text, in one pass. Exports escape their text once (Reddit
 * `body`, Stack Exchange attributes) or twice (Reddit `body_html`); each call removes exactly
 * one level, so `&amp;gt;` becomes `&gt;`, never `>`.
 */

/** The named references forum exports use; others are left as written. */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  hellip: '\u2026', mdash: '\u2014', ndash: '\u2013', lsquo: '\u2018', rsquo: '\u2019',
  ldquo: '\u201c', rdquo: '\u201d', sbquo: '\u201a', bdquo: '\u201e', laquo: '\u00ab', raquo: '\u00bb',
  lsaquo: '\u2039', rsaquo: '\u203a', bull: '\u2022', middot: '\u00b7', copy: '\u00a9', reg: '\u00ae',
  trade: '\u2122', times: '\u00d7', divide: '\u00f7', deg: '\u00b0', plusmn: '\u00b1', micro: '\u00b5',
  para: '\u00b6', sect: '\u00a7', cent: '\u00a2', pound: '\u00a3', euro: '\u20ac', yen: '\u00a5',
  frac12: '\u00bd', frac14: '\u00bc', frac34: '\u00be', sup2: '\u00b2', sup3: '\u00b3', iexcl: '\u00a1',
  iquest: '\u00bf', shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c', lrm: '\u200e', rlm: '\u200f',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', larr: '\u2190', rarr: '\u2192', uarr: '\u2191',
  darr: '\u2193', harr: '\u2194', rArr: '\u21d2', lArr: '\u21d0', hArr: '\u21d4', ne: '\u2260', le: '\u2264', ge: '\u2265',
  asymp: '\u2248', infin: '\u221e', minus: '\u2212', prime: '\u2032', Prime: '\u2033', dagger: '\u2020',
  Agrave: '\u00c0', Aacute: '\u00c1', Acirc: '\u00c2', Atilde: '\u00c3', Auml: '\u00c4', Aring: '\u00c5',
  AElig: '\u00c6', Ccedil: '\u00c7', Egrave: '\u00c8', Eacute: '\u00c9', Ecirc: '\u00ca', Euml: '\u00cb',
  Igrave: '\u00cc', Iacute: '\u00cd', Icirc: '\u00ce', Iuml: '\u00cf', Ntilde: '\u00d1', Ograve: '\u00d2',
  Oacute: '\u00d3', Ocirc: '\u00d4', Otilde: '\u00d5', Ouml: '\u00d6', Oslash: '\u00d8', Ugrave: '\u00d9',
  Uacute: '\u00da', Ucirc: '\u00db', Uuml: '\u00dc', Yacute: '\u00dd', szlig: '\u00df', agrave: '\u00e0',
  aacute: '\u00e1', acirc: '\u00e2', atilde: '\u00e3', auml: '\u00e4', aring: '\u00e5', aelig: '\u00e6',
  ccedil: '\u00e7', egrave: '\u00e8', eacute: '\u00e9', ecirc: '\u00ea', euml: '\u00eb', igrave: '\u00ec',
  iacute: '\u00ed', icirc: '\u00ee', iuml: '\u00ef', ntilde: '\u00f1', ograve: '\u00f2', oacute: '\u00f3',
  ocirc: '\u00f4', otilde: '\u00f5', ouml: '\u00f6', oslash: '\u00f8', ugrave: '\u00f9', uacute: '\u00fa',
  ucirc: '\u00fb', uuml: '\u00fc', yacute: '\u00fd', yuml: '\u00ff',
};

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** Decodes one level of HTML character references. Unknown names stay as written. */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(REFERENCE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    return fromCodePoint(dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16));
  });
}

function fromCodePoint(code: number): string {
  // NUL, surrogates and out-of-range values are what the HTML spec turns into U+FFFD.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}
