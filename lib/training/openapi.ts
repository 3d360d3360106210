import { type PathsObject, R, pageParams, json, idParam, time } from "@/lib/openapi-parts";

// OpenAPI paths of the training part of API.md.
const lecturer = {
  type: "object",
  required: ["name"],
  properties: { name: { type: "string" }, affiliation: { type: ["string", "null"] }, userId: { type: "string" } },
};
const session = {
  type: "object",
  properties: {
    id: { type: "string" },
    title: { type: "string" },
    category: { type: "string" },
    categoryName: { type: "string" },
    categoryNameEn: { type: ["string", "null"], description: "English name; null when none was given" },
    status: { enum: ["DRAFT", "PUBLISHED", "COMPLETED", "CANCELLED"] },
    format: { enum: ["OFFLINE", "ONLINE", "FIELD_TRIP"] },
    description: { type: "string" },
    startsAt: time,
    endsAt: time,
    venue: { type: "string" },
    capacity: { type: "integer" },
    enrolledCount: { type: "integer" },
    waitlistCount: { type: "integer" },
    creditHours: { type: "number" },
    lecturers: { type: "array", items: lecturer },
    enrollOpensAt: { ...time, type: ["string", "null"] },
    enrollClosesAt: { ...time, type: ["string", "null"] },
    cancelCutoffHours: { type: "integer" },
    audience: {
      type: "object",
      properties: { unitIds: { type: "array", items: { type: "string" } }, roles: { type: "array", items: { type: "string" } } },
    },
    cancelReason: { type: ["string", "null"] },
  },
};
const sessionInput = {
  type: "object",
  required: ["title", "category", "venue", "startsAt", "endsAt", "capacity", "creditHours"],
  properties: {
    title: { type: "string" },
    category: { type: "string" },
    description: { type: "string" },
    format: { enum: ["OFFLINE", "ONLINE", "FIELD_TRIP"] },
    venue: { type: "string" },
    startsAt: time,
    endsAt: time,
    capacity: { type: "integer", minimum: 1 },
    creditHours: { type: "number", minimum: 0 },
    lecturers: { type: "array", items: lecturer },
    enrollOpensAt: time,
    enrollClosesAt: time,
    cancelCutoffHours: { type: "integer", default: 24 },
    audienceUnitIds: { type: "array", items: { type: "string" } },
    audienceRoles: { type: "array", items: { type: "string" } },
  },
};
const enrolment = {
  type: "object",
  properties: { id: { type: "string" }, status: { enum: ["ENROLLED", "WAITLISTED"] }, waitlistPosition: { type: ["integer", "null"] } },
};
const T = ["training"];

export const trainingPaths: PathsObject = {
  "/api/v1/training/categories": {
    get: {
      tags: T,
      summary: "Training categories",
      responses: {
        200: json({
          type: "array",
          items: {
            type: "object",
            properties: {
              code: { type: "string" },
              name: { type: "string" },
              nameEn: { type: ["string", "null"], description: "English name; null when none was given" },
            },
          },
        }),
        401: R[401],
      },
    },
  },
  "/api/v1/training/sessions": {
    get: {
      tags: T,
      summary: "List sessions (officers: PUBLISHED and COMPLETED; training admins: all)",
      parameters: [
        ...["status", "category", "q"].map((name) => ({ name, in: "query", schema: { type: "string" } })),
        { name: "from", in: "query", schema: time },
        { name: "to", in: "query", schema: time },
        ...pageParams,
      ],
      responses: {
        200: json({
          type: "object",
          properties: {
            items: { type: "array", items: session },
            total: { type: "integer" },
            page: { type: "integer" },
            pageSize: { type: "integer" },
          },
        }),
        401: R[401],
      },
    },
    post: {
      tags: T,
      summary: "Create a session in DRAFT (TRAINING_ADMIN)",
      requestBody: { required: true, content: { "application/json": { schema: sessionInput } } },
      responses: { 201: json(session, "created"), 400: R[400], 401: R[401], 403: R[403] },
    },
  },
  "/api/v1/training/sessions/{id}": {
    get: { tags: T, summary: "One session", parameters: [idParam], responses: { 200: json(session), 401: R[401], 404: R[404] } },
    patch: {
      tags: T,
      summary:
        "Change a session (TRAINING_ADMIN); raising capacity promotes the waitlist; lowering below enrolledCount → 409 CAPACITY_BELOW_ENROLLED",
      parameters: [idParam],
      requestBody: { content: { "application/json": { schema: { ...sessionInput, required: [] } } } },
      responses: { 200: json(session), 400: R[400], 401: R[401], 403: R[403], 404: R[404], 409: R[409] },
    },
  },
  "/api/v1/training/sessions/{id}/publish": {
    post: {
      tags: T,
      summary: "Publish a draft (TRAINING_ADMIN)",
      parameters: [idParam],
      responses: { 200: json(session), 401: R[401], 403: R[403], 404: R[404], 409: R[409] },
    },
  },
  "/api/v1/training/sessions/{id}/cancel": {
    post: {
      tags: T,
      summary: "Cancel a session and notify everyone booked, with the reason (TRAINING_ADMIN)",
      parameters: [idParam],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: { type: "object", required: ["reason"], properties: { reason: { type: "string", minLength: 1, maxLength: 500 } } },
          },
        },
      },
      responses: { 200: json(session), 400: R[400], 401: R[401], 403: R[403], 404: R[404], 409: R[409] },
    },
  },
  "/api/v1/training/sessions/{id}/enrollments": {
    post: {
      tags: T,
      summary: "Enrol myself: a seat or the waitlist. 409 ALREADY_ENROLLED, SESSION_NOT_OPEN, BOOKING_SUSPENDED; 403 NOT_IN_AUDIENCE",
      parameters: [idParam],
      responses: { 201: json(enrolment, "created"), 401: R[401], 403: R[403], 404: R[404], 409: R[409] },
    },
    get: {
      tags: T,
      summary: "Roster (TRAINING_ADMIN or a lecturer of the session)",
      parameters: [idParam],
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
                  user: { type: "object", properties: { id: { type: "string" }, badgeNo: { type: "string" }, name: { type: "string" } } },
                  status: { type: "string" },
                  waitlistPosition: { type: ["integer", "null"] },
                  createdAt: time,
                },
              },
            },
          },
        }),
        401: R[401],
        403: R[403],
        404: R[404],
      },
    },
  },
  "/api/v1/training/sessions/{id}/enrollments/me": {
    delete: {
      tags: T,
      summary:
        "Cancel my enrolment (before the cut-off); the waitlist head is promoted in the same transaction. 409 CANCELLATION_CLOSED, NOT_ENROLLED",
      parameters: [idParam],
      responses: { 200: json({ type: "object", properties: { status: { const: "CANCELLED" } } }), 401: R[401], 404: R[404], 409: R[409] },
    },
  },
  "/api/v1/training/sessions/{id}/attendance": {
    post: {
      tags: T,
      summary: "Mark attendance of an enrolled officer (TRAINING_ADMIN or its LECTURER). 409 NOT_ENROLLED, ATTENDANCE_NOT_OPEN",
      parameters: [idParam],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["userId", "present"],
              properties: { userId: { type: "string" }, present: { type: "boolean" } },
            },
          },
        },
      },
      responses: { 200: json({ type: "object" }), 400: R[400], 401: R[401], 403: R[403], 404: R[404], 409: R[409] },
    },
  },
  "/api/v1/training/sessions/{id}/calendar.ics": {
    get: {
      tags: T,
      summary: "The session as iCalendar",
      parameters: [idParam],
      responses: {
        200: { description: "text/calendar", content: { "text/calendar": { schema: { type: "string" } } } },
        401: R[401],
        404: R[404],
      },
    },
  },
  "/api/v1/training/sessions/{id}/roster": {
    get: {
      tags: T,
      summary: "Roster export (?format=xlsx|csv)",
      parameters: [idParam, { name: "format", in: "query", schema: { enum: ["xlsx", "csv"] } }],
      responses: { 200: { description: "file" }, 401: R[401], 403: R[403], 404: R[404] },
    },
  },
  "/api/v1/training/me": {
    get: {
      tags: T,
      summary: "My enrolments and credit hours",
      responses: {
        200: json({
          type: "object",
          properties: {
            enrollments: { type: "array" },
            creditHours: {
              type: "object",
              properties: { total: { type: "number" }, byYear: { type: "object", additionalProperties: { type: "number" } } },
            },
          },
        }),
        401: R[401],
      },
    },
  },
  "/api/v1/training/me/calendar.ics": {
    get: { tags: T, summary: "All my active bookings as iCalendar", responses: { 200: { description: "text/calendar" }, 401: R[401] } },
  },
};
