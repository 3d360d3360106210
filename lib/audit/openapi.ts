import { R, json, pageParams, time, type PathsObject } from "@/lib/openapi-parts";

// OpenAPI paths of the audit part of API.md: search (keyset pages), export, chain verification.
const T = ["audit"];
const OUTCOMES = ["SUCCESS", "FAILURE", "DENIED"];
const filterParams = [
  { name: "actor", in: "query", description: "badge number", schema: { type: "string" } },
  { name: "action", in: "query", description: "action prefix, e.g. auth.sign_in", schema: { type: "string" } },
  { name: "outcome", in: "query", schema: { enum: OUTCOMES } },
  { name: "from", in: "query", description: "date-time, or a date (start of that Shanghai day)", schema: { type: "string" } },
  { name: "to", in: "query", description: "date-time, or a date (that whole Shanghai day included)", schema: { type: "string" } },
];
const entry = {
  type: "object",
  required: ["id", "seq", "at", "actor", "action", "actionLabel", "target", "ip", "outcome", "outcomeLabel"],
  properties: {
    id: { type: "string" },
    seq: { type: "string", description: "gap-free position in the hash chain" },
    at: time,
    actor: {
      type: ["object", "null"],
      properties: {
        badgeNo: { type: ["string", "null"] },
        name: { type: ["string", "null"] },
        roles: { type: "array", items: { type: "string" }, description: "the actor's roles when the entry was written" },
      },
    },
    action: { type: "string" },
    actionLabel: { type: "string", description: "Chinese name of the action" },
    target: { type: ["string", "null"] },
    targetType: { type: ["string", "null"] },
    ip: { type: ["string", "null"] },
    outcome: { enum: OUTCOMES },
    outcomeLabel: { type: "string", description: "成功 / 失败 / 拒绝" },
    requestId: { type: ["string", "null"] },
    details: {},
  },
};
const page = {
  type: "object",
  required: ["items", "total", "page", "pageSize", "totalCapped", "nextCursor", "prevCursor"],
  properties: {
    items: { type: "array", items: entry },
    total: { type: "integer", description: "exact up to 1000; when totalCapped, there are more" },
    totalCapped: { type: "boolean" },
    page: { type: "integer" },
    pageSize: { type: "integer" },
    nextCursor: { type: ["string", "null"], description: "pass as cursor for the next (older) page" },
    prevCursor: { type: ["string", "null"], description: "pass as before for the previous (newer) page" },
  },
};
const file = {
  description: "the file",
  content: { "text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {} },
};

export const auditPaths: PathsObject = {
  "/api/v1/audit": {
    get: {
      tags: T,
      summary: "Search the audit log (AUDIT_ADMIN), newest first by time; the search is itself audited",
      description:
        "Keyset pages: follow nextCursor (cursor=) and prevCursor (before=). page without a cursor is still served for the first 2000 entries.",
      parameters: [
        ...filterParams,
        { name: "cursor", in: "query", description: "a nextCursor: entries older than that one", schema: { type: "string" } },
        { name: "before", in: "query", description: "a prevCursor: entries newer than that one", schema: { type: "string" } },
        ...pageParams,
      ],
      responses: { 200: json(page, "page of entries"), 400: R[400], 401: R[401], 403: R[403] },
    },
  },
  "/api/v1/audit/export": {
    get: {
      tags: T,
      summary: "The matching entries as CSV, or .xlsx with format=xlsx (AUDIT_ADMIN); the export is audited",
      parameters: [...filterParams, { name: "format", in: "query", schema: { enum: ["csv", "xlsx"], default: "csv" } }],
      responses: { 200: file, 400: R[400], 401: R[401], 403: R[403] },
    },
  },
  "/api/v1/audit/verify": {
    get: {
      tags: T,
      summary: "Recompute the audit hash chain (AUDIT_ADMIN); the verification is audited",
      responses: {
        200: json({
          type: "object",
          required: ["ok", "checked", "firstBadId"],
          properties: {
            ok: { type: "boolean" },
            checked: { type: "integer", description: "entries recomputed" },
            firstBadId: { type: ["string", "null"], description: "the first entry whose content, order or predecessor was changed" },
            problem: { enum: ["HASH_MISMATCH", "SEQUENCE_GAP", "HEAD_MISMATCH", "HEAD_MISSING", null] },
            anchorSeq: { type: "string", description: "the chain starts after this seq (entries up to it removed by retention)" },
            lastSeq: { type: ["string", "null"] },
          },
        }),
        401: R[401],
        403: R[403],
      },
    },
  },
};
