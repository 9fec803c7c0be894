/** A user-caused problem: a stable code for tests and logs, and a kind message for the person. */
export interface UserError {
  readonly code: string;
  readonly message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: UserError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
