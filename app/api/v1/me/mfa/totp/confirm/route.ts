import { apiRoute, readJson } from "@/lib/http/api";
import { confirmTotpEnrolment } from "@/lib/auth/mfa";

// {code} from the authenticator → the factor is on; ten recovery codes, shown this once.
export const POST = apiRoute(async ({ req, actor }) => confirmTotpEnrolment(actor, await readJson(req)), { allowMfaEnrolment: true });
