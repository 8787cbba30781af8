/**
 * Page-type accuracy: how often convert()'s `metadata.pageType` equals the corpus's `meta.pageType`,
 * and, per true type, how many pages were typed right and the commonest wrong guess.
 */
export interface TypeGuess {
  truth: string;
  /** The reported type (null: unboil did not decide); undefined when convert() does not report one. */
  guess: string | null | undefined;
}

export interface TypeRow {
  type: string;
  n: number;
  correct: number;
  /** The commonest wrong guess and its count (ties: the alphabetically first), or null when none were wrong. */
  wrong: { guess: string; count: number } | null;
}

export interface TypeAccuracy {
  n: number;
  correct: number;
  accuracy: number;
  types: TypeRow[];
}

/** The accuracy over `guesses`, or null when no page reports a type (convert() does not have the field). */
export function pageTypeAccuracy(guesses: TypeGuess[]): TypeAccuracy | null {
  const reported = guesses.filter((g) => g.guess !== undefined);
  if (reported.length === 0) return null;
  const byType = new Map<string, TypeGuess[]>();
  for (const g of reported) {
    if (!byType.has(g.truth)) byType.set(g.truth, []);
    byType.get(g.truth)!.push(g);
  }
  const types = [...byType.keys()].sort().map((type): TypeRow => {
    const group = byType.get(type)!;
    const wrongs = new Map<string, number>();
    for (const g of group) if (g.guess !== type) wrongs.set(String(g.guess), (wrongs.get(String(g.guess)) ?? 0) + 1);
    const [top] = [...wrongs].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return { type, n: group.length, correct: group.length - sum(wrongs.values()), wrong: top ? { guess: top[0], count: top[1] } : null };
  });
  const correct = sum(types.map((t) => t.correct));
  return { n: reported.length, correct, accuracy: correct / reported.length, types };
}

/** One line: `pageType: accuracy 0.812 (608/749)  article 380/397 (else listing 9)  ...`. */
export function formatPageTypeAccuracy(a: TypeAccuracy | null): string {
  if (!a) return 'pageType: not reported';
  const types = a.types.map((t) => `${t.type} ${t.correct}/${t.n}${t.wrong ? ` (else ${t.wrong.guess} ${t.wrong.count})` : ''}`);
  return `pageType: accuracy ${a.accuracy.toFixed(3)} (${a.correct}/${a.n})  ${types.join('  ')}`;
}

function sum(xs: Iterable<number>): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
