import { apiRoute, readJson } from "@/lib/http/api";
import { giveConsent, withdrawConsent } from "@/lib/medical/mutations";
import { getConsentState, type ConsentState } from "@/lib/medical/queries";
import { toIsoShanghai } from "@/lib/time";

const json = (s: ConsentState) => ({
  current: { version: s.current.version, text: s.current.text },
  given: s.given ? { version: s.given.version, at: toIsoShanghai(s.given.at) } : null,
  valid: s.valid,
});

export const GET = apiRoute(async ({ actor }) => json(await getConsentState(actor)));
export const POST = apiRoute(async ({ req, actor }) => json(await giveConsent(actor, await readJson(req))));
export const DELETE = apiRoute(async ({ actor }) => json(await withdrawConsent(actor)));
