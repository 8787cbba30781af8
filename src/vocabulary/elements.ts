/**
 * Element names that say what a block is, whatever its class.
 */

/** Elements that are never article text. */
export const NON_CONTENT_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'applet', 'canvas', 'svg', 'math',
  'button', 'input', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'output', 'progress', 'meter',
  'link', 'meta', 'base', 'head', 'title', 'dialog', 'audio', 'video', 'source', 'track', 'map', 'area',
]);

/** Landmark elements that are boilerplate unless they hold the article. */
export const BOILERPLATE_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'menu']);
