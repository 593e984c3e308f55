import { describeError } from './api.js';

type Answer = { error?: Parameters<typeof describeError>[0] };
type Payload = { userErrors: readonly { field: readonly string[]; message: string }[] } | null | undefined;

/** The input fields a form shows (the second part of a userError's path, ["input", name, ...]); others go above the form. */
export const fieldsNamed =
  (...names: string[]) =>
  (field: readonly string[]): string | null =>
    names.includes(field[1] ?? '') ? field[1]! : null;

/**
 * The hub's refusals of a form, each under the form's key for its field (keyOf, null when the form has no place for it,
 * then under ""), in the hub's Danish words; a fault or a lost connection under "".
 */
export function refusalsByField(
  answer: Answer,
  payload: Payload,
  keyOf: (field: readonly string[]) => string | null,
  fallback: string,
): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const e of payload?.userErrors ?? []) byField[keyOf(e.field) ?? ''] ??= e.message;
  if (!payload) byField[''] = describeError(answer.error) ?? fallback;
  return byField;
}

/** A form's two last buttons: save (its label while it works) and "Fortryd", which closes the form. */
export function FormButtons({ busy, label, busyLabel, onCancel }: { busy: boolean; label: string; busyLabel: string; onCancel: () => void }) {
  return (
    <p>
      <button type="submit" disabled={busy}>
        {busy ? busyLabel : label}
      </button>{' '}
      <button type="button" class="secondary" onClick={onCancel}>
        Fortryd
      </button>
    </p>
  );
}
