import { type PathsObject, R } from "@/lib/openapi-parts";

// OpenAPI paths of the green-channel additions from the product-depth issue.
export const medicalToolPaths: PathsObject = {
  "/api/v1/medical/stats/export": {
    get: {
      tags: ["medical"],
      summary:
        "One table of the hospital statistics as a spreadsheet (MEDICAL_LIAISON: exact; UNIT_LEAD: their subtree, groups under 5 people left empty as on the page; audited)",
      parameters: [
        { name: "year", in: "query", schema: { type: "integer" } },
        { name: "table", in: "query", schema: { enum: ["service", "month", "unit"], default: "service" } },
        { name: "format", in: "query", schema: { enum: ["xlsx", "csv"], default: "xlsx" } },
      ],
      responses: { 200: { description: ".xlsx or .csv (UTF-8 with BOM)" }, 400: R[400], 401: R[401], 403: R[403] },
    },
  },
};
