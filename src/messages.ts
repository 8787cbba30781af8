import type { VFile } from 'vfile';
import type { Message, Warning } from './types.js';

/**
 * The one mechanism for decisions a user may question: a vfile message with a rule id.
 * `warn` is for what went wrong or was guessed (reported in the JSON `warnings`); `explain` is the
 * audit trail of removals (`--explain`), kept only when asked for.
 */
export function warn(file: VFile, rule: string, reason: string): void {
  const message = file.message(reason, { ruleId: rule, source: 'unboil' });
  message.fatal = false;
}

export function explain(file: VFile, rule: string, reason: string | (() => string)): void {
  if (!file.data.explain) return;
  // A function when the reason costs work (the removed block's first words): run only when asked for.
  const message = file.message(typeof reason === 'function' ? reason() : reason, { ruleId: rule, source: 'unboil' });
  message.fatal = null; // info
}

declare module 'vfile' {
  interface DataMap {
    /** Keep the audit trail of removals (`--explain`). */
    explain: boolean;
  }
}

/** The messages of a file in a plain, serialisable form. */
export function messagesOf(file: VFile): Message[] {
  return file.messages.map((m) => ({
    rule: m.ruleId ?? 'unknown',
    message: m.reason,
    severity: m.fatal === false ? 'warning' : 'info',
  }));
}

/**
 * The JSON `warnings`: the warnings, plus the audit trail when `--explain` asked for it, in the
 * order they were made. (The batch report lists the two apart: warningsIn, explainIn.)
 */
export function warningsOf(messages: Message[]): Warning[] {
  return messages.map(({ rule, message }) => ({ rule, message }));
}

/** The warnings alone among a conversion's messages (the report's `warnings`, a batch's status). */
export function warningsIn(messages: Message[]): Warning[] {
  return warningsOf(messages.filter((m) => m.severity === 'warning'));
}

/** The audit trail (--explain) alone among a conversion's messages, as the report lists it. */
export function explainIn(messages: Message[]): Warning[] {
  return warningsOf(messages.filter((m) => m.severity === 'info'));
}

/** The warning rule of inputs that had no text layer to convert (exit code 4). */
export const NO_TEXT_RULE = 'pdf-no-text';
