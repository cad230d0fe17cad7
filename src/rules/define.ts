/** Helpers every rule module uses: typed definition and message formatting (DESIGN.md §5). */
import type { Rule, RuleContext, RuleReport } from './types.js';

/** Values that fill a message template's `{name}` placeholders. */
export type MessageData = Readonly<Record<string, string | number>>;

/**
 * Fills `{name}` placeholders of a message template. A placeholder without data is a programming error, so it
 * throws instead of printing a half-finished sentence.
 */
export function formatMessage(template: string, data: MessageData = {}): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`message placeholder {${name}} has no value`);
    return String(value);
  });
}

/** Declares a rule; the identity function, there so every rule module reads the same and type-checks its options. */
export function defineRule<O>(rule: Rule<O>): Rule<O> {
  return rule;
}

/** The rest of a report besides its message. */
export type ReportTarget = Omit<RuleReport, 'messageId' | 'message'>;

/**
 * Reports message `id` of `rule` filled with `data`. Keeps each check free of template plumbing, and makes an
 * unknown message id fail loudly in tests.
 */
export function reportMessage<O>(
  ctx: RuleContext<O>,
  rule: Pick<Rule<O>, 'id' | 'messages'>,
  id: string,
  data: MessageData,
  target: ReportTarget,
): void {
  const template = rule.messages[id];
  if (template === undefined) throw new Error(`rule ${rule.id} has no message ${id}`);
  ctx.report({ messageId: id, message: formatMessage(template, data), ...target });
}
