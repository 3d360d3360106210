import { publicRoute } from "@/lib/http/api";
import { openApiDocument } from "@/lib/openapi";

export const GET = publicRoute(async () => openApiDocument());
