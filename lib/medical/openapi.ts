import { type PathsObject, R, pageParams, json, body, idParam, time } from "@/lib/openapi-parts";

// OpenAPI paths of the green-channel part of API.md (plus the liaison's extensions).
const nullable = (s: Record<string, unknown>) => ({ ...s, type: [s.type, "null"] });
const statuses = ["BOOKED", "CHECKED_IN", "COMPLETED", "CANCELLED", "NO_SHOW"];
const service = {
  type: "object",
  required: ["code", "name", "hospital", "yearlyQuota"],
  properties: {
    code: { type: "string", examples: ["GREEN_CHANNEL", "FAST_TRACK", "LIVER_CHECK", "HEALTH_CONSULT"] },
    name: { type: "string" },
    nameEn: { type: ["string", "null"], description: "English name; null when none was given" },
    description: { type: "string" },
    hospital: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
    yearlyQuota: { type: ["integer", "null"], description: "bookings per person per Asia/Shanghai calendar year; null = unlimited" },
    active: { type: "boolean" },
  },
};
const slot = {
  type: "object",
  required: ["id", "service", "startsAt", "endsAt", "capacity", "bookedCount"],
  properties: {
    id: { type: "string" },
    service: { type: "string" },
    startsAt: time,
    endsAt: time,
    capacity: { type: "integer" },
    bookedCount: { type: "integer", description: "regular bookings holding a seat (urgent entries are not counted)" },
    closed: { type: "boolean" },
  },
};
const booking = {
  type: "object",
  required: ["id", "status", "slot"],
  properties: {
    id: { type: "string" },
    status: { enum: statuses },
    urgent: { type: "boolean" },
    service: { type: "object", properties: { code: { type: "string" }, name: { type: "string" }, nameEn: { type: "string" } } },
    slot: { oneOf: [slot, { type: "null" }] },
    startsAt: time,
    endsAt: nullable(time),
    user: {
      type: "object",
      properties: {
        id: { type: "string" },
        badgeNo: { type: "string" },
        name: { type: "string" },
        unit: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
      },
    },
    hasNote: { type: "boolean" },
    note: { type: ["string", "null"], description: "only to the owner and the liaison; every read is audited" },
    shareNote: { type: "boolean" },
    outcome: { enum: ["NORMAL", "ABNORMAL_RECHECK", null] },
    cancelReason: { type: ["string", "null"] },
    createdAt: time,
  },
};
const list = (items: unknown) => ({
  type: "object",
  properties: { items: { type: "array", items }, total: { type: "integer" }, page: { type: "integer" }, pageSize: { type: "integer" } },
});
const consent = {
  type: "object",
  required: ["current", "given"],
  properties: {
    current: { type: "object", properties: { version: { type: "integer" }, text: { type: "string" } } },
    given: { oneOf: [{ type: "object", properties: { version: { type: "integer" }, at: time } }, { type: "null" }] },
    valid: { type: "boolean", description: "a standing consent to the current version" },
  },
};
const conflict = (codes: string) => ({ ...R[409], description: codes });
const T = ["medical"];
const step = (summary: string, who: string) => ({
  post: {
    tags: T,
    summary: `${summary} (${who})`,
    parameters: [idParam],
    responses: { 200: json(booking), 401: R[401], 403: R[403], 404: R[404], 409: conflict("INVALID_TRANSITION") },
  },
});

export const medicalPaths: PathsObject = {
  "/api/v1/medical/services": {
    get: { tags: T, summary: "Hospital services", responses: { 200: json({ type: "array", items: service }), 401: R[401] } },
  },
  "/api/v1/medical/slots": {
    get: {
      tags: T,
      summary: "Slots in a range (default: the next four weeks); people who book see open future slots, the liaison all",
      parameters: [
        { name: "service", in: "query", schema: { type: "string" } },
        { name: "from", in: "query", schema: { type: "string", description: "YYYY-MM-DD or date-time" } },
        { name: "to", in: "query", schema: { type: "string" } },
        ...pageParams,
      ],
      responses: { 200: json(list(slot)), 400: R[400], 401: R[401] },
    },
    post: {
      tags: T,
      summary: "Create a slot (MEDICAL_LIAISON)",
      requestBody: body({
        type: "object",
        required: ["service", "startsAt", "endsAt", "capacity"],
        properties: { service: { type: "string" }, startsAt: time, endsAt: time, capacity: { type: "integer", minimum: 1 } },
      }),
      responses: { 201: json(slot, "created"), 400: R[400], 401: R[401], 403: R[403], 409: conflict("SLOT_EXISTS, DAY_CLOSED") },
    },
  },
  "/api/v1/medical/consent": {
    get: { tags: T, summary: "The current consent text and my consent", responses: { 200: json(consent), 401: R[401] } },
    post: {
      tags: T,
      summary: "Give my separate consent to the current version",
      requestBody: body({ type: "object", required: ["version"], properties: { version: { type: "integer" } } }),
      responses: { 200: json(consent), 400: R[400], 401: R[401], 409: conflict("CONSENT_VERSION_OUTDATED") },
    },
    delete: { tags: T, summary: "Withdraw my consent (effective at once)", responses: { 200: json(consent), 401: R[401] } },
  },
  "/api/v1/medical/bookings": {
    get: {
      tags: T,
      summary: "My bookings (liaison: all, filtered)",
      parameters: [
        { name: "date", in: "query", schema: { type: "string", format: "date" } },
        { name: "service", in: "query", schema: { type: "string" } },
        { name: "status", in: "query", schema: { enum: statuses } },
        ...pageParams,
      ],
      responses: { 200: json(list(booking)), 400: R[400], 401: R[401] },
    },
    post: {
      tags: T,
      summary: "Book a slot for myself",
      requestBody: body({
        type: "object",
        required: ["slotId"],
        properties: {
          slotId: { type: "string" },
          note: { type: "string", maxLength: 500 },
          shareNote: { type: "boolean", default: false },
        },
      }),
      responses: {
        201: json(booking, "created"),
        400: R[400],
        401: R[401],
        403: R[403],
        404: R[404],
        409: conflict("SLOT_FULL, ACTIVE_BOOKING_EXISTS, QUOTA_EXCEEDED (error.renewsOn), CONSENT_REQUIRED, SLOT_CLOSED, SLOT_IN_PAST"),
      },
    },
  },
  "/api/v1/medical/bookings/{id}": {
    get: {
      tags: T,
      summary: "One booking with its note (owner or liaison; audited)",
      parameters: [idParam],
      responses: { 200: json(booking), 401: R[401], 404: R[404] },
    },
  },
  "/api/v1/medical/bookings/{id}/cancel": {
    post: {
      tags: T,
      summary: "Cancel (owner or liaison); frees the seat at once",
      parameters: [idParam],
      requestBody: { content: { "application/json": { schema: { type: "object", properties: { reason: { type: "string" } } } } } },
      responses: { 200: json(booking), 401: R[401], 404: R[404], 409: conflict("INVALID_TRANSITION") },
    },
  },
  "/api/v1/medical/bookings/calendar.ics": {
    get: {
      tags: T,
      summary: "My coming hospital visits as iCalendar, each with a reminder (no health note)",
      responses: {
        200: { description: "text/calendar", content: { "text/calendar": { schema: { type: "string" } } } },
        401: R[401],
        403: R[403],
      },
    },
  },
  "/api/v1/medical/bookings/{id}/calendar.ics": {
    get: {
      tags: T,
      summary: "One booking as iCalendar (its owner or the liaison)",
      parameters: [idParam],
      responses: {
        200: { description: "text/calendar", content: { "text/calendar": { schema: { type: "string" } } } },
        401: R[401],
        404: R[404],
      },
    },
  },
  "/api/v1/medical/bookings/{id}/check-in": step("BOOKED → CHECKED_IN", "MEDICAL_LIAISON"),
  "/api/v1/medical/bookings/{id}/complete": step("CHECKED_IN → COMPLETED", "MEDICAL_LIAISON"),
  "/api/v1/medical/bookings/{id}/no-show": step(
    "BOOKED → NO_SHOW once the slot has started (409 SLOT_NOT_STARTED before)",
    "MEDICAL_LIAISON",
  ),
  "/api/v1/medical/bookings/{id}/outcome": {
    post: {
      tags: T,
      summary: "Liver check result category (MEDICAL_LIAISON); abnormal prompts the officer",
      parameters: [idParam],
      requestBody: body({ type: "object", required: ["outcome"], properties: { outcome: { enum: ["NORMAL", "ABNORMAL_RECHECK"] } } }),
      responses: { 200: json(booking), 404: R[404], 409: conflict("OUTCOME_NOT_APPLICABLE") },
    },
  },
  "/api/v1/medical/bookings/{id}/reschedule": {
    post: {
      tags: T,
      summary:
        'Move a booking to another open slot of its service: MEDICAL_LIAISON any booking (the booker is notified), anyone else their own BOOKED one (someone else\'s → 404; the answer carries warnings ["ON_LEAVE"] during approved leave; QUOTA_EXCEEDED when the move enters a year whose quota is used)',
      parameters: [idParam],
      requestBody: body({ type: "object", required: ["slotId"], properties: { slotId: { type: "string" } } }),
      responses: {
        200: json(booking),
        404: R[404],
        409: conflict("SLOT_FULL, SLOT_CLOSED, SLOT_IN_PAST, INVALID_TRANSITION, QUOTA_EXCEEDED"),
      },
    },
  },
  "/api/v1/medical/urgent": {
    post: {
      tags: T,
      summary: "Urgent green-channel entry for a named person (MEDICAL_LIAISON): outside capacity and quota, audited",
      requestBody: body({
        type: "object",
        required: ["badgeNo", "reason"],
        properties: {
          badgeNo: { type: "string" },
          service: { type: "string", default: "GREEN_CHANNEL" },
          startsAt: time,
          note: { type: "string" },
          reason: { type: "string" },
        },
      }),
      responses: { 201: json(booking, "created"), 400: R[400], 401: R[401], 403: R[403] },
    },
  },
  "/api/v1/medical/day-list": {
    get: {
      tags: T,
      summary: "The day list for the hospital (MEDICAL_LIAISON): time, name, unit, service, and notes shared with consent",
      parameters: [
        { name: "date", in: "query", schema: { type: "string", format: "date" } },
        { name: "format", in: "query", schema: { enum: ["xlsx", "csv"], default: "xlsx" } },
      ],
      responses: { 200: { description: "file" }, 401: R[401], 403: R[403] },
    },
  },
};
