import { type PathsObject, R, json, body, idParam, pageParams, time } from "@/lib/openapi-parts";

// OpenAPI paths of the lecture-hall tools from the product-depth issue (copy/repeat, mark all
// present), kept beside lib/training/openapi.ts so the two can change independently.
const T = ["training"];

export const trainingToolPaths: PathsObject = {
  "/api/v1/training/sessions/{id}/copy": {
    post: {
      tags: T,
      summary: "Copy a session, or repeat it weekly or monthly, as drafts (TRAINING_ADMIN)",
      parameters: [idParam],
      requestBody: body({
        type: "object",
        properties: {
          every: { enum: ["NONE", "WEEK", "MONTH"], default: "NONE", description: "NONE: one copy at the same time, titled （副本）" },
          count: { type: "integer", minimum: 1, maximum: 52, default: 1, description: "≤ 24 for MONTH; 1 for NONE" },
        },
      }),
      responses: {
        201: json(
          { type: "object", properties: { items: { type: "array", items: { type: "object" } }, total: { type: "integer" } } },
          "the new drafts",
        ),
        400: R[400],
        401: R[401],
        403: R[403],
        404: R[404],
      },
    },
  },
  "/api/v1/training/sessions/{id}/attendance/all-present": {
    post: {
      tags: T,
      summary: "Mark every enrolled person not yet marked as present (TRAINING_ADMIN or the session's LECTURER)",
      parameters: [idParam],
      responses: {
        200: json({ type: "object", properties: { marked: { type: "integer" } } }),
        401: R[401],
        403: R[403],
        404: R[404],
        409: R[409],
      },
    },
  },
  "/api/v1/training/certificates": {
    get: {
      tags: T,
      summary: "Issued certificates (TRAINING_ADMIN): q = serial (QS-2026-000042), name or badge number",
      parameters: [
        { name: "q", in: "query", schema: { type: "string" } },
        { name: "revoked", in: "query", schema: { enum: ["true", "false"] } },
        ...pageParams,
      ],
      responses: {
        200: json({
          type: "object",
          properties: {
            items: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  id: { type: "string" },
                  serial: { type: "string", examples: ["QS-2026-000042"] },
                  issuedAt: time,
                  revokedAt: { oneOf: [time, { type: "null" }] },
                  revokeReason: { type: ["string", "null"] },
                  user: { type: "object", properties: { badgeNo: { type: "string" }, name: { type: "string" } } },
                  session: { type: "object", properties: { id: { type: "string" }, title: { type: "string" }, startsAt: time } },
                },
              },
            },
            total: { type: "integer" },
            page: { type: "integer" },
            pageSize: { type: "integer" },
          },
        }),
        401: R[401],
        403: R[403],
      },
    },
  },
  "/api/v1/training/certificates/{id}/revoke": {
    post: {
      tags: T,
      summary: "Revoke a certificate (TRAINING_ADMIN); the holder is notified and the public verification page says 已撤销",
      parameters: [idParam],
      requestBody: body({ type: "object", required: ["reason"], properties: { reason: { type: "string", minLength: 2, maxLength: 200 } } }),
      responses: { 200: json({ type: "object" }), 400: R[400], 401: R[401], 403: R[403], 404: R[404], 409: R[409] },
    },
  },
  "/api/v1/training/stats/export": {
    get: {
      tags: T,
      summary: "One table of the training statistics page as a spreadsheet (TRAINING_ADMIN; audited)",
      parameters: [
        { name: "year", in: "query", schema: { type: "integer" } },
        { name: "table", in: "query", schema: { enum: ["month", "category", "unit", "lecturer"], default: "unit" } },
        { name: "format", in: "query", schema: { enum: ["xlsx", "csv"], default: "xlsx" } },
      ],
      responses: { 200: { description: ".xlsx or .csv (UTF-8 with BOM)" }, 400: R[400], 401: R[401], 403: R[403] },
    },
  },
  "/api/v1/training/unit/compliance/export": {
    get: {
      tags: T,
      summary: "My unit subtree's credit-hour compliance for this year as a spreadsheet (UNIT_LEAD; audited)",
      parameters: [{ name: "format", in: "query", schema: { enum: ["xlsx", "csv"], default: "xlsx" } }],
      responses: { 200: { description: ".xlsx or .csv" }, 400: R[400], 401: R[401], 403: R[403] },
    },
  },
  "/api/v1/training/sessions/{id}/attendance/upload": {
    post: {
      tags: T,
      summary:
        "Attendance by roster upload (TRAINING_ADMIN or the session's LECTURER): multipart `file` .xlsx/.csv with a 警号 column and an optional 考勤 column (出勤/缺勤, blank = 出勤); all or nothing",
      parameters: [idParam],
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary" } } },
          },
        },
      },
      responses: {
        200: json({
          type: "object",
          properties: { marked: { type: "integer" }, present: { type: "integer" }, absent: { type: "integer" } },
        }),
        400: {
          description: "VALIDATION_FAILED (fields.file) or IMPORT_REJECTED with rows: [{row, message}] and nothing marked",
        },
        401: R[401],
        403: R[403],
        404: R[404],
        409: R[409],
      },
    },
  },
};
