import { apiRoute, created, readJson, readQuery } from "@/lib/http/api";
import { parseInput } from "@/lib/validation";
import { listRecords } from "@/lib/benefits/queries";
import { createRecord } from "@/lib/benefits/mutations";
import { recordsQuerySchema } from "@/lib/benefits/schemas";

export const GET = apiRoute(async ({ req, actor }) => listRecords(actor, parseInput(recordsQuerySchema, readQuery(req))));

export const POST = apiRoute(async ({ req, actor }) => created(await createRecord(actor, await readJson(req))), {
  permission: "benefits.manage",
});
