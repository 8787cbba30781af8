import type { Nodes, Parents, Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type P5Node = DefaultTreeAdapterMap['childNode'];

/** What a converted node is left with: hast-util-from-parse5 reads it (never changes it), nothing later. */
const NO_CHILDREN: P5Node[] = [];

/**
 * parse5's document -> hast, the tree hast-util-from-parse5 makes, while parse5's tree is taken
 * apart: each node is converted by hast-util-from-parse5 itself, alone (its children detached
 * first), then its children, in document order, from a stack. What is converted can be collected
 * as the hast tree grows, where `fromParse5(document)` keeps both whole trees alive at its end
 * (and recurses once per level). The wide 8 MB page of npm run bench:hostile (parse5 tree about
 * 180 MB, hast about 110 MB) converts within a 250 MB heap, where fromParse5 needed over 280.
 * A `<template>`'s content is converted with it, by hast-util-from-parse5 (limit-depth.ts bounds
 * its depth). The document is left empty.
 */
export function fromParse5Releasing(document: DefaultTreeAdapterMap['document']): Root {
  // Two stacks in step, the nodes to convert and the hast parent of each: no pair per node.
  const nodes: P5Node[] = [];
  const parents: Parents[] = [];
  const queue = (children: readonly P5Node[], parent: Parents) => {
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]!);
      parents.push(parent);
    }
  };
  const children = detachChildren(document);
  const root = fromParse5(document) as Root;
  queue(children, root);
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const parent = parents.pop()!;
    const children = detachChildren(node);
    const result = fromParse5(node);
    (parent.children as Nodes[]).push(result);
    if (children.length > 0) queue(children, result as Parents);
  }
  return root;
}

/** A node's children, taken from it (hast-util-from-parse5 then converts the node alone). */
function detachChildren(node: P5Node | DefaultTreeAdapterMap['document']): readonly P5Node[] {
  if (!('childNodes' in node)) return NO_CHILDREN;
  const children = node.childNodes;
  node.childNodes = NO_CHILDREN;
  return children;
}
