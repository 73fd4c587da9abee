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

const NAME = 'search';
// Folding takes about 0.2 µs a character: longer text nodes (a pasted 10 MB line in a
// note) are left unmarked rather than keep the page busy for seconds.
const LONGEST_NODE = 1 << 20;

// Folds one character as the search does, to zero or more characters.
function fold(c) {
  const code = c.charCodeAt(0);
  if (code < 0x80)  // most text: nothing to decompose, and folding is lowering
    return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : c;
  const folded = c.normalize('NFKD').toLowerCase().normalize('NFKD').replace(/[\p{M}\p{Cf}]/gu, '');
  return folded.replace(/ß/g, 'ss').replace(/ς/g, 'σ');
}

// Whether @c starts with a letter or digit.
function isWordChar(c) {
  const code = c.charCodeAt(0);
  if (code < 0x80)
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return /^[\p{L}\p{N}]/u.test(c);
}

function isHyphen(c) {
  return c === '-' || c === '\u2010';
}

// The folded text of one text node, the span of the node's text each folded character
// came from, and where words start: after anything but a letter or digit, so the parts of
// a compound start words too. A hyphen inside a compound is left out, joining its parts.
function foldNode(text) {
  const chars = Array.from(text);
  let folded = '';
  const begin = [];
  const end = [];
  const starts = new Set();
  let offset = 0;
  let previous = '';

  chars.forEach((c, i) => {
    const piece = isHyphen(c) && isWordChar(previous) && isWordChar(chars[i + 1] || '') ? '' : fold(c);
    if (piece.length > 0 && isWordChar(piece) && !isWordChar(previous))
      starts.add(folded.length);
    for (let k = 0; k < piece.length; k++) {
      begin.push(offset);
      end.push(offset + c.length);
    }
    folded += piece;
    // Marks and format characters belong to the letter before them.
    if (piece.length > 0 || isHyphen(c))
      previous = c;
    offset += c.length;
  });

  return { folded, begin, end, starts };
}

function* textNodes(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode())
    yield node;
}

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
