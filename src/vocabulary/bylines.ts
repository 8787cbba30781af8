/**
 * The words a byline opens with, in the languages unboil reads ("By", "Von", "Par", "بقلم"...),
 * as a regular-expression alternation: the byline parser, the byline finder of the metadata
 * reader and the scraped-text reader all build on it.
 */
export const BYLINE_OPENERS =
  'by|written by|posted by|words by|text by|story by|reported by|von|par|por|di|door|av|af|от|автор|著者|作者|بقلم|كتب|כתב|מאת|autora?:?|authors?:?';
