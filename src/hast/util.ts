import type { Element, ElementContent, Nodes, Parents, Root } from 'hast';
import { toText } from 'hast-util-to-text';

/** Small hast helpers shared by every stage. */

export function isElement(node: unknown, tagName?: string): node is Element {
  return (
    typeof node === 'object' &&
    node !== null &&
    (node as Element).type === 'element' &&
    (tagName === undefined || (node as Element).tagName === tagName)
  );
}

/** A property as a string (class lists joined by spaces), or null. */
export function attr(node: Element, name: string): string | null {
  const value = node.properties?.[name];
  if (value == null || value === false) return null;
  if (Array.isArray(value)) return value.join(' ');
  return String(value);
}

/** The class names and id of an element, lower-case, as one string for vocabulary tests. */
export function classAndId(node: Element): string {
  const cls = node.properties?.className;
  const classes = Array.isArray(cls) ? cls.join(' ') : typeof cls === 'string' ? cls : '';
  const id = typeof node.properties?.id === 'string' ? node.properties.id : '';
  return `${classes} ${id}`.toLowerCase().trim();
}

/** Visible text of a node with white space collapsed. */
export function textOf(node: Nodes): string {
  return toText(node, { whitespace: 'normal' }).replace(/\s+/g, ' ').trim();
}

/**
 * Walk every element depth-first without recursion (pages can nest 100,000 deep), calling `visit`
 * with the element and its parent. Return `false` from `visit` to skip the element's children.
 */
export function walkElements(root: Parents, visit: (node: Element, parent: Parents) => boolean | void): void {
  const stack: Array<[Parents, number]> = [[root, 0]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const [parent, index] = top;
    if (index >= parent.children.length) {
      stack.pop();
      continue;
    }
    top[1] = index + 1;
    const child = parent.children[index];
    if (!isElement(child)) continue;
    const descend = visit(child, parent);
    if (descend !== false && child.children.length > 0) stack.push([child, 0]);
  }
}

/** Remove children matching `test` from every element under root (iterative). */
export function removeWhere(root: Root | Element, test: (node: ElementContent, parent: Parents) => boolean): void {
  const stack: Parents[] = [root];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    parent.children = (parent.children as ElementContent[]).filter((child) => !test(child, parent));
    for (const child of parent.children) if (isElement(child)) stack.push(child);
  }
}
