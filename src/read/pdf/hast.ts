import type { Element, ElementContent, Root } from 'hast';

/** Tiny hast builders for the PDF readers. */
export function el(tagName: string, children: ElementContent[] = [], properties: Element['properties'] = {}): Element {
  return { type: 'element', tagName, properties, children };
}

export function text(value: string): ElementContent {
  return { type: 'text', value };
}

/** A whole document around an article's body, as the shared pipeline expects a page. */
export function documentOf(body: ElementContent[], lang: string | null): Root {
  const html = el('html', [el('head'), el('body', body)], lang ? { lang } : {});
  return { type: 'root', children: [html] };
}
