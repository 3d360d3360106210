import "server-only";
import { NextResponse } from "next/server";
import type { Actor, Permission } from "@/lib/access";
import { AppError, databaseUnavailable, isAppError, isDatabaseUnavailable, validationFailed } from "@/lib/errors";
import { auditRefusal, refusalAudited, requireActor, requirePermission } from "@/lib/auth/current";
import { logger } from "@/lib/logger";
import { findControlChars } from "@/lib/validation";

// The edge of the JSON API (API.md): authentication, the foreign-Origin refusal, JSON parsing
// and the one mapping of errors to responses. Route files stay a few lines long.

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (args: { req: Request; params: P; actor: Actor }) => Promise<Response | unknown>;
type PublicHandler<P> = (args: { req: Request; params: P }) => Promise<Response | unknown>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function errorResponse(err: unknown): Response {
  // An outage (unreachable, frozen, timed out) is 503 UNAVAILABLE, never 500 with its text.
  const e = !isAppError(err) && isDatabaseUnavailable(err) ? databaseUnavailable() : err;
  if (e !== err) logger.warn("database unavailable in API route", err);
  if (isAppError(e)) {
    const body: Record<string, unknown> = { code: e.code, message: e.message };
    if (e.fields) body.fields = e.fields;
    if (e.extra) Object.assign(body, e.extra);
    return NextResponse.json({ error: body }, { status: e.status });
  }
  // Anything else is a bug or an outage: log it here, tell the client nothing about it.
  logger.error("unhandled error in API route", e);
  return NextResponse.json({ error: { code: "INTERNAL", message: "服务器内部错误，请稍后再试" } }, { status: 500 });
}

/** A state-changing request must come from our own origin (or from a non-browser client). */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("FORBIDDEN", "拒绝跨站请求");
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("FORBIDDEN", "拒绝跨站请求");
  }
  if (!host || originHost !== host) throw new AppError("FORBIDDEN", "拒绝跨站请求");
}

/** Path parameters name records: one holding control characters (NUL) names none. */
async function readParams<P>(ctx: RouteContext<P>): Promise<P> {
  const params = await ctx.params;
  if (findControlChars(params)) throw new AppError("NOT_FOUND", "记录不存在");
  return params;
}

function toResponse(result: unknown): Response {
  if (result instanceof Response) return result;
  return NextResponse.json(result ?? null);
}

/**
 * An authenticated /api/v1 route; pass a permission to require it before the handler runs.
 * Every 403 the route answers to a known user (the domain's own refusals included) is audited.
 */
export function apiRoute<P = Record<string, string>>(
  handler: Handler<P>,
  opts: {
    permission?: Permission;
    /** for the password change itself */
    allowPasswordChange?: boolean;
    /** for GET /me and /me/mfa/*: the calls a session waiting for second-factor enrolment may make */
    allowMfaEnrolment?: boolean;
  } = {},
) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    let actor: Actor | null = null;
    try {
      assertSameOrigin(req);
      actor = opts.permission
        ? await requirePermission(opts.permission)
        : await requireActor({ allowPasswordChange: opts.allowPasswordChange, allowMfaEnrolment: opts.allowMfaEnrolment });
      return toResponse(await handler({ req, params: await readParams(ctx), actor }));
    } catch (e) {
      if (actor && isAppError(e) && e.status === 403 && !refusalAudited(e)) {
        await auditRefusal(actor, { status: 403, code: e.code, method: req.method, path: new URL(req.url).pathname }, e);
      }
      return errorResponse(e);
    }
  };
}

/** A route open to anyone (OpenAPI document, certificate verification). */
export function publicRoute<P = Record<string, string>>(handler: PublicHandler<P>) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      assertSameOrigin(req);
      return toResponse(await handler({ req, params: await readParams(ctx) }));
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export function created(data: unknown): Response {
  return NextResponse.json(data, { status: 201 });
}

/** The largest JSON body an /api/v1 call accepts (files go as multipart, with their own limits). */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

function tooLarge() {
  return new AppError("PAYLOAD_TOO_LARGE", `请求体过大（JSON 不超过 ${JSON_BODY_LIMIT_BYTES / 1024 / 1024} MB）`);
}

/** The body as text, read no further than `limit` bytes (a lying Content-Length changes nothing). */
async function readLimited(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The request body as JSON; over JSON_BODY_LIMIT_BYTES is 413 PAYLOAD_TOO_LARGE, malformed JSON
 * is 400 VALIDATION_FAILED, an empty body is {}.
 */
export async function readJson(req: Request): Promise<unknown> {
  const text = await readLimited(req, JSON_BODY_LIMIT_BYTES);
  if (!text.trim()) return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw validationFailed({ _: "请求体不是合法的 JSON" }, "请求体不是合法的 JSON");
  }
  const bad = findControlChars(data);
  if (bad) throw validationFailed({ [bad]: "含有不允许的控制字符" });
  return data;
}

/** Query parameters as a plain object, for zod; a control character (NUL) is 400 VALIDATION_FAILED. */
export function readQuery(req: Request): Record<string, string> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  const bad = findControlChars(query);
  if (bad) throw validationFailed({ [bad]: "含有不允许的控制字符" });
  return query;
}
