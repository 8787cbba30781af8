// jsdom ships no types and @types/jsdom is not a dependency: the little the benchmark uses.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string, options?: { url?: string; contentType?: string });
    readonly window: { document: unknown; close(): void };
  }
}
