/** A peer pipeline: page bytes and URL in, Markdown out. Loaded once, outside the timed region. */
export type Converter = (bytes: Uint8Array, url: string | undefined) => Promise<string>;

/** What every peer module exports: a loader that imports its libraries and returns the converter. */
export type LoadConverter = () => Promise<Converter>;
