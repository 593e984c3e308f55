import { UserErrorCode, message, type Message } from './user-errors.js';
import type { InputChecker, Path } from './mutation.js';

const CODE = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

/** A short unique code: letters, digits, ".", "_" and "-", at most 64 characters. */
export function checkCode(check: InputChecker, path: Path, value: string): string | null {
  const code = check.text(path, value, { required: true, max: 64 });
  if (code && !CODE.test(code)) {
    check.problems.add(
      path,
      UserErrorCode.INVALID,
      message(`code may hold letters, digits, ".", "_" and "-" only, got "${code}"`, `Koden må kun indeholde bogstaver, tal, ".", "_" og "-", ikke "${code}"`),
    );
  }
  return code;
}

/** Adds DUPLICATE when another row of the table has the code already. */
export async function checkCodeFree(check: InputChecker, path: Path, table: string, code: string | null, what: Message): Promise<void> {
  if (!code) return;
  const [row] = (await check.em.execute(`select 1 as taken from ${table} where code = ?`, [code])) as unknown[];
  if (row)
    check.problems.add(
      path,
      UserErrorCode.DUPLICATE,
      message(`${what.en} with the code "${code}" exists already`, `${what.da} med koden "${code}" findes allerede`),
    );
}
