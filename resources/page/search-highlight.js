// search-highlight.js: marks every word of a search in the open page
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Run by the app (pages themselves never run scripts) as the body of a function with one
// argument, `words`: the search's words, separated by spaces, as the core's search
// normalizes them (decomposed, without accents, case-folded, a compound without its
// hyphens); empty to take the marks away. Like the search, a word matches at the start of
// a word of the page, whatever its case and accents, and a compound ("pre-trained") is
// found by its parts and by the whole ("pretrained"). The marks are a CSS custom
// highlight, "search", painted by page.css: the page's document is not changed.
// Returns how many places are marked.
//
// Given `fold` instead, a JSON array of strings, it marks nothing and returns an array of
// those strings folded as foldText() folds them: tests/test-page-fold.c checks that against the vectors
// the core's folding is checked against (tests/fold-vectors.txt).

const NAME = 'search';
// Folding takes about 0.3 µs a character: longer text nodes (a pasted 10 MB line in a
// note) are left unmarked rather than keep the page busy for seconds.
const LONGEST_NODE = 1 << 20;

// Folding, by the rules of src/core/bp-text-fold.c, step for step: text becomes words
// separated by single spaces, compatibility forms decomposed, marks dropped, case folded,
// the parts of a compound joined by '-'.

const MARK_OR_FORMAT = /^[\p{M}\p{Cf}]$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

// Where GLib's case folding, which the core uses, differs from lower-casing one character
// alone: ß and ẞ, final sigma, the older Cyrillic letter forms, and Cherokee, whose small
// letters fold to capitals (while GLib lowers the capitals).
const CASE_FOLDS = new Map([
  ['ß', 'ss'], ['ẞ', 'ss'], ['ς', 'σ'],
  ...Array.from('вдосттъѣꙋ', (folded, i) => [String.fromCharCode(0x1c80 + i), folded]),
  ...Array.from({ length: 0x50 }, (_, i) => [String.fromCharCode(0xab70 + i), String.fromCharCode(0x13a0 + i)]),
  ...Array.from({ length: 6 }, (_, i) => [String.fromCharCode(0x13f8 + i), String.fromCharCode(0x13f0 + i)]),
]);

function isAsciiAlnum(code) {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function asciiLower(c) {
  const code = c.charCodeAt(0);
  return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : c;
}

function caseFold(c) {
  return CASE_FOLDS.get(c) ?? c.toLowerCase();
}

// What the code point @c folds to: zero or more code points, each still to be told apart
// as a letter or digit, a hyphen or a separator.
function foldChar(c) {
  if (c.charCodeAt(0) < 0x80)  // most text: nothing to decompose, and folding is lowering
    return asciiLower(c);
  let folded = '';
  for (const d of c.normalize('NFKD')) {
    if (d.charCodeAt(0) < 0x80)
      folded += asciiLower(d);
    else if (!MARK_OR_FORMAT.test(d))
      folded += caseFold(d).normalize('NFKD');
  }
  return folded;
}

// What a folded code point is: 'w' a letter or digit, '-' a hyphen, ' ' a separator, ''
// nothing (a mark or a format character, which belongs to the letter before it).
function kindOf(c) {
  const code = c.charCodeAt(0);
  if (c === '-' || c === '\u2010')
    return '-';
  if (code < 0x80)
    return isAsciiAlnum(code) ? 'w' : ' ';
  if (MARK_OR_FORMAT.test(c))
    return '';
  return LETTER_OR_DIGIT.test(c) ? 'w' : ' ';
}

// @text folded: `chars`, its code points, and for each the span [begin, end) of @text it
// came from. A hyphen stays only between two words; separators collapse into one space.
function foldText(text) {
  const chars = [];
  const begin = [];
  const end = [];
  const last = () => chars[chars.length - 1];
  let offset = 0;

  for (const c of text) {
    for (const f of foldChar(c)) {
      let kind = kindOf(f);
      if (kind === '-' && (chars.length === 0 || last() === ' ' || last() === '-'))
        kind = ' ';
      if (kind === ' ' && last() === '-')
        chars[chars.length - 1] = ' ';
      else if (kind === ' ' && chars.length > 0 && last() !== ' ')
        chars.push(' '), begin.push(offset), end.push(offset + c.length);
      else if (kind === 'w' || kind === '-')
        chars.push(kind === '-' ? '-' : f), begin.push(offset), end.push(offset + c.length);
    }
    offset += c.length;
  }
  while (chars.length > 0 && (last() === ' ' || last() === '-'))
    chars.pop(), begin.pop(), end.pop();

  return { chars, begin, end };
}

// The folded text of one text node with its compounds' hyphens left out, so "pretrained"
// is found in "pre-trained"; the span of the node's text each of its UTF-16 units came
// from; and where words start, the parts of a compound too.
function foldNode(text) {
  const { chars, begin: charBegin, end: charEnd } = foldText(text);
  let folded = '';
  const begin = [];
  const end = [];
  const starts = new Set();

  chars.forEach((c, i) => {
    if (c === '-')
      return;
    if (c !== ' ' && (i === 0 || chars[i - 1] === ' ' || chars[i - 1] === '-'))
      starts.add(folded.length);
    for (let k = 0; k < c.length; k++) {
      begin.push(charBegin[i]);
      end.push(charEnd[i]);
    }
    folded += c;
  });

  return { folded, begin, end, starts };
}

function* textNodes(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode())
    yield node;
}

if (typeof fold !== 'undefined')
  return JSON.parse(fold).map(text => foldText(text).chars.join(''));

CSS.highlights.delete(NAME);
const wanted = typeof words === 'string' ? words.split(' ').filter(word => word.length > 0) : [];
const main = document.querySelector('main');
if (main === null || wanted.length === 0)
  return 0;

const ranges = [];
for (const node of textNodes(main)) {
  if (node.length > LONGEST_NODE)
    continue;
  const { folded, begin, end, starts } = foldNode(node.data);
  for (const word of wanted) {
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
      if (!starts.has(at))
        continue;
      const range = new Range();
      range.setStart(node, begin[at]);
      range.setEnd(node, end[at + word.length - 1]);
      ranges.push(range);
    }
  }
}

if (ranges.length > 0)
  CSS.highlights.set(NAME, new Highlight(...ranges));
return ranges.length;
