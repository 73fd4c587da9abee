// image-fallback.js: a deck's image that could not be read shows what it was, not a broken box
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The body of a function with the arguments `label` (the name of an image without alt text),
// `reason` (why it is not shown) and `reasons` (for a file that is itself wrong, what is:
// keyed by "<deck id>/<path in its folder>"), all translated, that the app runs in its own
// world (bp-answer-view-web.c; pages themselves never run scripts) in a page with an image
// the page handler could not serve, once the page has loaded.
// Every image of the deck's folder that failed, missing, unreadable or refused by the
// scheme, gets before it the placeholder the page renderer writes for an image it never
// asks for (bp-html-sanitizer.c), and is hidden: its alt text and the reason, as text a
// screen reader reads.

const PREFIX = 'backprop://deck-file/';

// The key of `reasons` for an image: its URI's path, unescaped as the page handler does.
function reasonOf(img) {
  const path = img.src.slice(PREFIX.length).split(/[?#]/)[0];

  try {
    const key = decodeURIComponent(path);

    return Object.hasOwn(reasons, key) ? reasons[key] : reason;
  } catch (error) {
    return reason;  // a malformed escape: the handler refused it too
  }
}

function replace(img) {
  if (img.hidden || img.naturalWidth > 0)
    return false;

  const placeholder = document.createElement('span');
  const alt = document.createElement('span');
  const why = document.createElement('span');
  const because = reasonOf(img);

  placeholder.className = 'image-placeholder';
  placeholder.title = because;
  alt.className = 'image-placeholder-alt';
  alt.textContent = img.alt !== '' ? img.alt : label;
  why.className = 'image-placeholder-reason';
  why.textContent = because;
  placeholder.append(alt, ' ', why);
  img.before(placeholder);
  img.hidden = true;
  return true;
}

for (const img of document.images) {
  if (!img.src.startsWith(PREFIX))
    continue;
  // The page's load waits for its images, so they are all done; one still loading (a
  // page shown again) is seen when it ends.
  if (!img.complete)
    img.addEventListener('error', () => replace(img), { once: true });
  else
    replace(img);
}
