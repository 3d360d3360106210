import { apiRoute } from "@/lib/http/api";
import { getSessionState } from "@/lib/auth/current";

// Identity stays readable during a forced password change and a pending second-factor
// enrolment, so a client can tell the user why everything else answers 403.
export const GET = apiRoute(
  async ({ actor }) => {
    const s = await getSessionState();
    return {
      id: actor.id,
      badgeNo: actor.badgeNo,
      name: actor.name,
      roles: actor.roles,
      unit: { id: actor.unitId, name: actor.unitName },
      mfa: s.ok ? s.mfa : { required: false, enrolled: false },
    };
  },
  { allowPasswordChange: true, allowMfaEnrolment: true },
);
