/**
 * Words in a text: the runs between Unicode white space, as design/OUTPUT.md counts `wordCount`
 * ("split on Unicode white space"). The one word count of the output and of every rule that
 * measures a block in words.
 */
export function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}
