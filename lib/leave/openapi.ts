import { type PathsObject, R, pageParams, json, body, idParam, time } from "@/lib/openapi-parts";

// OpenAPI paths of the leave part of API.md (plus the unit calendar, balances and exports).
const T = ["leave"];
const date = { type: "string", format: "date", examples: ["2026-12-08"] };
const TYPES = ["ANNUAL", "COMPENSATORY", "SICK", "PERSONAL", "FAMILY_VISIT"];
const STATUSES = ["PENDING", "APPROVED", "REJECTED", "CANCELLED"];
const unit = { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } };
const request = {
  type: "object",
  required: ["id", "user", "type", "from", "to", "days", "status", "decidedBy", "decidedAt"],
  properties: {
    id: { type: "string" },
    user: { type: "object", properties: { id: { type: "string" }, badgeNo: { type: "string" }, name: { type: "string" }, unit } },
    type: { enum: TYPES, description: "ANNUAL 年休假, COMPENSATORY 调休/补休, SICK 病假, PERSONAL 事假, FAMILY_VISIT 探亲假" },
    from: date,
    to: { ...date, description: "inclusive" },
    days: { type: "integer", description: "working days: Monday–Friday minus the calendar's holidays plus its make-up working days" },
    status: { enum: STATUSES },
    reason: { type: ["string", "null"], description: "only to the requester and the unit leads who may decide it" },
    decidedBy: { oneOf: [{ type: "object", properties: { id: { type: "string" }, name: { type: "string" } } }, { type: "null" }] },
    decidedAt: { oneOf: [time, { type: "null" }] },
    comment: { type: ["string", "null"], description: "the decision's comment" },
    cancelledAt: { oneOf: [time, { type: "null" }] },
    createdAt: time,
  },
};
const list = (items: unknown) => ({
  type: "object",
  properties: { items: { type: "array", items }, total: { type: "integer" }, page: { type: "integer" }, pageSize: { type: "integer" } },
});
const balance = {
  type: "object",
  required: ["year", "entitlementDays", "usedDays", "pendingDays", "remainingDays"],
  properties: {
    year: { type: "integer" },
    entitlementDays: {
      enum: [0, 5, 10, 15],
      description: "职工带薪年休假条例: completed years of service on 1 January: <1 → 0, 1–<10 → 5, 10–<20 → 10, ≥20 → 15",
    },
    usedDays: { type: "integer", description: "APPROVED annual leave of the year" },
    pendingDays: { type: "integer", description: "PENDING annual leave of the year (reserved)" },
    remainingDays: { type: "integer" },
    serviceStartDate: { oneOf: [date, { type: "null" }], description: "参加工作时间" },
    serviceYears: { type: ["integer", "null"] },
  },
};
const holidayDay = {
  type: "object",
  required: ["date", "kind"],
  properties: {
    date,
    kind: { enum: ["HOLIDAY", "WORKDAY"], description: "WORKDAY = 调休上班 (a Saturday or Sunday)" },
    name: { type: "string" },
  },
};
const yearParam = {
  name: "year",
  in: "query",
  schema: { type: "integer", minimum: 2000, maximum: 2100 },
  description: "default: this year (Asia/Shanghai)",
};
const decision = {
  tags: T,
  parameters: [idParam],
  requestBody: {
    content: { "application/json": { schema: { type: "object", properties: { comment: { type: "string", maxLength: 500 } } } } },
  },
  responses: {
    200: json(request),
    401: R[401],
    404: { ...R[404], description: "not a UNIT_LEAD of the requester's unit or a unit above it, or the requester themself" },
    409: { ...R[409], description: "INVALID_TRANSITION (already decided or cancelled)" },
  },
};
const file = {
  description: "spreadsheet",
  content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}, "text/csv": {} },
};
const exportParams = [
  { name: "format", in: "query", schema: { enum: ["xlsx", "csv"], default: "xlsx" } },
  yearParam,
  { name: "status", in: "query", schema: { enum: STATUSES } },
  { name: "type", in: "query", schema: { enum: TYPES } },
];

export const leavePaths: PathsObject = {
  "/api/v1/leave/balance": {
    get: {
      tags: T,
      summary: "My annual-leave balance",
      parameters: [yearParam],
      responses: { 200: json(balance), 400: R[400], 401: R[401], 403: R[403] },
    },
  },
  "/api/v1/leave/requests": {
    get: {
      tags: T,
      summary: "Leave requests: mine, or (scope=unit) of the people I oversee (UNIT_LEAD: unit subtree; HR: its auxiliaries)",
      parameters: [
        { name: "scope", in: "query", schema: { enum: ["mine", "unit"], default: "mine" } },
        { name: "status", in: "query", schema: { enum: STATUSES } },
        { name: "type", in: "query", schema: { enum: TYPES } },
        yearParam,
        { name: "from", in: "query", schema: date, description: "requests ending on or after" },
        { name: "to", in: "query", schema: date, description: "requests starting on or before" },
        { name: "q", in: "query", schema: { type: "string" }, description: "name or badge number" },
        { name: "decidable", in: "query", schema: { type: "boolean" }, description: "scope=unit: only those I may decide" },
        ...pageParams,
      ],
      responses: { 200: json(list(request)), 400: R[400], 401: R[401], 403: R[403] },
    },
    post: {
      tags: T,
      summary: "Request leave",
      requestBody: body({
        type: "object",
        required: ["type", "from", "to"],
        properties: { type: { enum: TYPES }, from: date, to: date, reason: { type: "string", maxLength: 500 } },
      }),
      responses: {
        201: json(request, "created, PENDING"),
        400: { ...R[400], description: "VALIDATION_FAILED (to before from, ANNUAL across two years, no working day in the range)" },
        401: R[401],
        403: R[403],
        409: { ...R[409], description: "LEAVE_OVERLAP, LEAVE_BALANCE_EXCEEDED (with remainingDays, requestedDays)" },
      },
    },
  },
  "/api/v1/leave/requests/{id}": {
    get: {
      tags: T,
      summary: "One request (mine or of someone I oversee)",
      parameters: [idParam],
      responses: { 200: json(request), 401: R[401], 404: R[404] },
    },
  },
  "/api/v1/leave/requests/{id}/approve": {
    post: { ...decision, summary: "Approve (a unit lead of the requester's unit chain, never the requester)" },
  },
  "/api/v1/leave/requests/{id}/reject": {
    post: { ...decision, summary: "Reject (a unit lead of the requester's unit chain, never the requester)" },
  },
  "/api/v1/leave/requests/{id}/cancel": {
    post: {
      tags: T,
      summary: "The requester withdraws a pending or approved request before its first day",
      parameters: [idParam],
      responses: {
        200: json(request),
        401: R[401],
        404: R[404],
        409: { ...R[409], description: "INVALID_TRANSITION, LEAVE_ALREADY_STARTED" },
      },
    },
  },
  "/api/v1/leave/holidays": {
    get: {
      tags: T,
      summary: "A year's holiday calendar (法定节假日 and 调休上班 days)",
      parameters: [yearParam],
      responses: {
        200: {
          ...json({ type: "array", items: holidayDay }),
          headers: { "X-Leave-Calendar": { schema: { enum: ["official", "provisional", "not-configured"] } } },
        },
        400: R[400],
        401: R[401],
      },
    },
    put: {
      tags: T,
      summary: "Replace a year's calendar (HR); pending and approved requests of the year are recounted",
      parameters: [yearParam],
      requestBody: body({
        oneOf: [
          { type: "array", items: holidayDay },
          {
            type: "object",
            required: ["days"],
            properties: { days: { type: "array", items: holidayDay }, provisional: { type: "boolean" }, source: { type: "string" } },
          },
        ],
      }),
      responses: {
        200: { ...json({ type: "array", items: holidayDay }), headers: { "X-Leave-Recounted": { schema: { type: "integer" } } } },
        400: R[400],
        401: R[401],
        403: R[403],
      },
    },
  },
  "/api/v1/leave/balances": {
    get: {
      tags: T,
      summary: "Annual-leave balances of the people I oversee",
      parameters: [yearParam, { name: "q", in: "query", schema: { type: "string" } }, ...pageParams],
      responses: {
        200: json(list({ allOf: [balance, { type: "object", properties: { user: request.properties.user } }] })),
        401: R[401],
        403: R[403],
      },
    },
  },
  "/api/v1/leave/away": {
    get: {
      tags: T,
      summary: "Who is away (approved and pending leave of the people I oversee) between from and to",
      parameters: [
        { name: "from", in: "query", schema: date, description: "default today" },
        { name: "to", in: "query", schema: date, description: "default from" },
      ],
      responses: { 200: json(list(request)), 400: R[400], 401: R[401], 403: R[403] },
    },
  },
  "/api/v1/leave/exports/requests": {
    get: {
      tags: T,
      summary: "Requests of the people I oversee as .xlsx or .csv",
      parameters: exportParams,
      responses: { 200: file, 401: R[401], 403: R[403] },
    },
  },
  "/api/v1/leave/exports/balances": {
    get: {
      tags: T,
      summary: "Annual-leave balances of the people I oversee as .xlsx or .csv",
      parameters: exportParams.slice(0, 2),
      responses: { 200: file, 401: R[401], 403: R[403] },
    },
  },
};
