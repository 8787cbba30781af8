/** Types of trap-network.mjs (plain JavaScript, so a preload can import it without tsx). */
export function trapNetwork(onAttempt: (label: string, argument: string) => void): () => void;
