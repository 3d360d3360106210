import { type PathsObject, R, pageParams, json, idParam } from "@/lib/openapi-parts";

// OpenAPI paths of the benefits part of API.md.
const T = ["benefits"];
const money = { type: "string", pattern: "^-?\\d+\\.\\d{2}$", description: "yuan, exact decimal as a string", examples: ["3950.30"] };
const date = { type: "string", format: "date", examples: ["2026-11-26"] };
const CATEGORY = { enum: ["RECRUITMENT", "PAY", "EQUIPMENT", "TRAINING", "COMPENSATION", "PROMOTION", "AWARD", "LEAVE"] };
const unit = { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } };
const summary = {
  type: "object",
  required: ["id", "auxNo", "name", "unit", "level", "status", "idNumberMasked"],
  properties: {
    id: { type: "string" },
    auxNo: { type: "string", examples: ["F00001"] },
    name: { type: "string" },
    unit,
    level: { type: "integer", minimum: 1 },
    status: { enum: ["ACTIVE", "LEFT"] },
    idNumberMasked: { type: "string", examples: ["2103**********1234"] },
    post: { enum: ["DUTY", "CIVILIAN"] },
    hireDate: date,
  },
};
const profile = {
  allOf: [
    summary,
    {
      type: "object",
      properties: {
        gender: { enum: ["MALE", "FEMALE"] },
        birthYear: { type: "integer" },
        batch: { type: ["string", "null"] },
        contractStart: { type: ["string", "null"], format: "date" },
        contractEnd: { type: ["string", "null"], format: "date" },
        levelSince: date,
        phone: { type: ["string", "null"] },
        sizes: { type: "object", additionalProperties: { type: "string" } },
        hasAccount: { type: "boolean" },
      },
    },
  ],
};
const record = {
  type: "object",
  required: ["id", "auxiliaryId", "category", "occurredOn", "title", "details"],
  properties: {
    id: { type: "string" },
    auxiliaryId: { type: "string" },
    category: CATEGORY,
    occurredOn: date,
    title: { type: "string" },
    amount: money,
    status: { enum: ["SUBMITTED", "PENDING_SECOND_APPROVAL", "APPROVED", "PAID", "REJECTED"], description: "COMPENSATION cases only" },
    integrity: {
      enum: ["OK", "TAMPERED"],
      description: "PAY lines and COMPENSATION cases: whether the stored amounts match their integrity seal",
    },
    details: { type: "object" },
  },
};
const importRejected = {
  description: "IMPORT_REJECTED (every bad row listed, nothing written) or VALIDATION_FAILED",
  content: {
    "application/json": {
      schema: {
        type: "object",
        properties: {
          error: {
            type: "object",
            properties: {
              code: { const: "IMPORT_REJECTED" },
              message: { type: "string" },
              rows: { type: "array", items: { type: "object", properties: { row: { type: "integer" }, message: { type: "string" } } } },
            },
          },
        },
      },
    },
  },
};

export const benefitsPaths: PathsObject = {
  "/api/v1/benefits/auxiliaries": {
    get: {
      tags: T,
      summary: "Auxiliary officers in my unit subtree (HR)",
      parameters: [
        { name: "q", in: "query", schema: { type: "string" } },
        { name: "unitId", in: "query", schema: { type: "string" } },
        { name: "post", in: "query", schema: { enum: ["DUTY", "CIVILIAN"] } },
        { name: "level", in: "query", schema: { type: "integer" } },
        { name: "status", in: "query", schema: { enum: ["ACTIVE", "LEFT"] } },
        { name: "hireYear", in: "query", schema: { type: "integer" } },
        { name: "sort", in: "query", schema: { enum: ["auxNo", "name", "level", "hireDate", "unit"] } },
        { name: "dir", in: "query", schema: { enum: ["asc", "desc"] } },
        ...pageParams,
      ],
      responses: {
        200: json({
          type: "object",
          properties: {
            items: { type: "array", items: summary },
            total: { type: "integer" },
            page: { type: "integer" },
            pageSize: { type: "integer" },
          },
        }),
        401: R[401],
        403: R[403],
      },
    },
    post: {
      tags: T,
      summary: "File a new auxiliary officer (HR)",
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["auxNo", "name", "idNumber", "unitId", "post", "hireDate", "level"],
              properties: {
                auxNo: { type: "string" },
                name: { type: "string" },
                idNumber: { type: "string", description: "18-character GB 11643 number; stored encrypted" },
                unitId: { type: "string" },
                post: { enum: ["DUTY", "CIVILIAN"] },
                hireDate: date,
                level: { type: "integer", minimum: 1 },
                batch: { type: "string" },
                contractStart: date,
                contractEnd: date,
                status: { enum: ["ACTIVE", "LEFT"] },
              },
            },
          },
        },
      },
      responses: {
        201: json(profile, "created (ID number masked)"),
        400: { ...R[400], description: "VALIDATION_FAILED; a bad check digit → fields.idNumber" },
        401: R[401],
        403: R[403],
      },
    },
  },
  "/api/v1/benefits/auxiliaries/{id}": {
    get: {
      tags: T,
      summary: "One profile (HR in the subtree, or that auxiliary officer)",
      parameters: [idParam],
      responses: { 200: json(profile), 401: R[401], 403: R[403], 404: R[404] },
    },
  },
  "/api/v1/benefits/auxiliaries/{id}/id-number": {
    post: {
      tags: T,
      summary: "Reveal the full ID number (HR; audited)",
      parameters: [idParam],
      responses: { 200: json({ type: "object", properties: { idNumber: { type: "string" } } }), 401: R[401], 403: R[403], 404: R[404] },
    },
  },
  "/api/v1/benefits/records": {
    get: {
      tags: T,
      summary: "Records by category (HR; an auxiliary officer always gets their own)",
      parameters: [
        { name: "auxiliaryId", in: "query", schema: { type: "string" } },
        { name: "category", in: "query", schema: CATEGORY },
      ],
      responses: { 200: json({ type: "array", items: record }), 401: R[401], 403: R[403], 404: R[404] },
    },
    post: {
      tags: T,
      summary:
        "Add a dated record (HR). COMPENSATION opens a SUBMITTED case (amount and kind); PROMOTION needs details.toLevel; PAY and EQUIPMENT come from imports and issues.",
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["auxiliaryId", "category", "occurredOn", "title"],
              properties: {
                auxiliaryId: { type: "string" },
                category: CATEGORY,
                occurredOn: date,
                title: { type: "string" },
                amount: money,
                kind: { enum: ["WORK_INJURY", "ILLNESS", "HARDSHIP", "BEREAVEMENT", "HOLIDAY_VISIT"] },
                details: { type: "object" },
              },
            },
          },
        },
      },
      responses: { 201: json(record, "created"), 400: R[400], 401: R[401], 403: R[403], 404: R[404] },
    },
  },
  "/api/v1/benefits/cases/{id}/review": {
    post: {
      tags: T,
      summary:
        "Approve or reject a SUBMITTED case (HR; not its submitter). An amount above the request makes it PENDING_SECOND_APPROVAL: a second HR, neither the submitter nor the first approver, approves (at most the proposed amount) or rejects",
      parameters: [idParam],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["decision"],
              properties: { decision: { enum: ["APPROVE", "REJECT"] }, amountApproved: money, note: { type: "string" } },
            },
          },
        },
      },
      responses: {
        200: json({
          type: "object",
          properties: { id: { type: "string" }, status: { type: "string" }, amountApproved: { type: ["string", "null"] } },
        }),
        401: R[401],
        403: R[403],
        404: R[404],
        409: { ...R[409], description: "INVALID_TRANSITION or SELF_REVIEW" },
      },
    },
  },
  "/api/v1/benefits/cases/{id}/pay": {
    post: {
      tags: T,
      summary: "Mark an APPROVED case PAID (HR)",
      parameters: [idParam],
      responses: {
        200: json({ type: "object" }),
        401: R[401],
        403: R[403],
        404: R[404],
        409: { ...R[409], description: "INVALID_TRANSITION" },
      },
    },
  },
  "/api/v1/benefits/auxiliaries/import": {
    post: {
      tags: T,
      summary:
        "File auxiliary profiles from a sheet, all or none (HR, units of their own subtree only). Each row passes the same rules as POST /auxiliaries (ID number checksum; stored encrypted with a blind index); duplicate 辅警编号 or 身份证号 within the sheet or against any stored profile are bad rows; at most 10,000 rows, 10 MB",
      parameters: [
        {
          name: "dryRun",
          in: "query",
          required: false,
          schema: { type: "boolean" },
          description: "true: 200 with the preview (ID numbers masked), nothing written",
        },
      ],
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: {
              type: "object",
              required: ["file"],
              properties: {
                file: {
                  type: "string",
                  format: "binary",
                  description:
                    ".xlsx or .csv; headers auxNo/辅警编号, name/姓名, idNumber/身份证号, unit/单位 (code or exact name), post/岗位 (DUTY 勤务 / CIVILIAN 文职), hireDate/入职日期 (YYYY-MM-DD), level/层级; optional batch/招聘批次, contractStart/合同开始, contractEnd/合同结束, phone/联系电话",
                },
              },
            },
          },
        },
      },
      responses: {
        200: json(
          {
            type: "object",
            properties: {
              count: { type: "integer" },
              rows: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    row: { type: "integer" },
                    auxNo: { type: "string" },
                    name: { type: "string" },
                    idNumberMasked: { type: "string", nullable: true },
                    unitName: { type: "string", nullable: true },
                    errors: { type: "array", items: { type: "string" } },
                  },
                },
              },
              errors: { type: "array", items: { type: "object", properties: { row: { type: "integer" }, message: { type: "string" } } } },
            },
          },
          "the preview (dryRun=true)",
        ),
        201: json(
          {
            type: "object",
            properties: {
              created: { type: "integer" },
              linked: { type: "integer", description: "profiles linked to the AUXILIARY account with the same number" },
            },
          },
          "created",
        ),
        400: importRejected,
        401: R[401],
        403: R[403],
      },
    },
  },
  "/api/v1/benefits/pay-imports": {
    post: {
      tags: T,
      summary:
        "Import a month's pay sheet, all or nothing (HR). One import per month and importing unit; an overlapping unit's import of the month (ancestor or descendant) is 409 MONTH_ALREADY_IMPORTED. An .xlsx whose zip inflates beyond the limits is 400 VALIDATION_FAILED",
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: {
              type: "object",
              required: ["file", "month"],
              properties: {
                file: {
                  type: "string",
                  format: "binary",
                  description:
                    ".xlsx (decompressed size checked before parsing) or .csv; headers auxNo/辅警编号, base/基本工资, levelAllowance/层级津贴, seniorityAllowance/工龄津贴, performance/绩效, socialInsurance/社会保险, housingFund/住房公积金, deductions/其他扣款, net/实发",
                },
                month: { type: "string", pattern: "^\\d{4}-\\d{2}$" },
                replace: { type: "boolean" },
              },
            },
          },
        },
      },
      responses: {
        201: json({ type: "object", properties: { imported: { type: "integer" } } }, "imported"),
        400: importRejected,
        401: R[401],
        403: R[403],
        409: { ...R[409], description: "MONTH_ALREADY_IMPORTED" },
      },
    },
  },
  "/api/v1/benefits/exports/roster": {
    get: {
      tags: T,
      summary: "Roster as .xlsx/.csv (HR); full=1 includes full ID numbers and is audited",
      parameters: [
        { name: "format", in: "query", schema: { enum: ["xlsx", "csv"] } },
        { name: "full", in: "query", schema: { enum: ["1"] } },
      ],
      responses: { 200: { description: "file" }, 401: R[401], 403: R[403] },
    },
  },
  "/api/v1/benefits/exports/pay-lines": {
    get: {
      tags: T,
      summary: "Every pay line in my subtree, streamed: CSV, or .xlsx with ?format=xlsx (HR)",
      parameters: [
        { name: "month", in: "query", schema: { type: "string" } },
        { name: "format", in: "query", schema: { enum: ["csv", "xlsx"] } },
      ],
      responses: { 200: { description: "text/csv or .xlsx, streamed" }, 401: R[401], 403: R[403] },
    },
  },
  "/api/v1/benefits/exports/equipment-due": {
    get: {
      tags: T,
      summary: "Equipment owed or falling due in 90 days (HR)",
      parameters: [{ name: "format", in: "query", schema: { enum: ["xlsx", "csv"] } }],
      responses: { 200: { description: "file" }, 401: R[401], 403: R[403] },
    },
  },
  "/api/v1/benefits/exports/campaigns/{id}": {
    get: {
      tags: T,
      summary: "One visit campaign's visits (HR)",
      parameters: [idParam, { name: "format", in: "query", schema: { enum: ["xlsx", "csv"] } }],
      responses: { 200: { description: "file" }, 401: R[401], 403: R[403], 404: R[404] },
    },
  },
  "/api/v1/benefits/exports/promotion-candidates": {
    get: {
      tags: T,
      summary: "Promotion candidates with reasons (HR)",
      parameters: [{ name: "format", in: "query", schema: { enum: ["xlsx", "csv"] } }],
      responses: { 200: { description: "file" }, 401: R[401], 403: R[403] },
    },
  },
  "/api/v1/benefits/exports/pay-template": {
    get: {
      tags: T,
      summary: "A pay-sheet template with the import's headers and my subtree's active people (HR)",
      parameters: [{ name: "format", in: "query", schema: { enum: ["xlsx", "csv"] } }],
      responses: { 200: { description: "file" }, 401: R[401], 403: R[403] },
    },
  },
};
