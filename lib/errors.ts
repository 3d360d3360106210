// One error type for the whole domain layer; the edges (API routes, server actions, pages)
// map its code to an HTTP status or a form message in one place each.
export type ErrorCode =
  | "VALIDATION_FAILED"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "RATE_LIMITED"
  | "PASSWORD_CHANGE_REQUIRED"
  | "CONFLICT"
  | (string & {});

const STATUS: Record<string, number> = {
  VALIDATION_FAILED: 400,
  IMPORT_REJECTED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: Record<string, string>;
  readonly extra?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { status?: number; fields?: Record<string, string>; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    // Any code not listed is a domain conflict (ALREADY_ENROLLED, SLOT_FULL, …): 409.
    this.status = opts.status ?? STATUS[code] ?? 409;
    this.fields = opts.fields;
    this.extra = opts.extra;
  }
}

export const notFound = (what = "记录") => new AppError("NOT_FOUND", `${what}不存在`);
export const forbidden = (message = "没有权限执行此操作") => new AppError("FORBIDDEN", message);
export const unauthenticated = () => new AppError("UNAUTHENTICATED", "请先登录");

export function validationFailed(fields: Record<string, string>, message = "输入有误，请检查标记的字段") {
  return new AppError("VALIDATION_FAILED", message, { fields });
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Prisma's unique violation (P2002), without importing Prisma here. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

/** Prisma's foreign-key violation (P2003): the row is still referenced elsewhere. */
export function isForeignKeyViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2003";
}
