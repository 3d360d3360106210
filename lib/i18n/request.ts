import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DATE_FORMATS, DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from "@/lib/i18n/config";
import { TIME_ZONE } from "@/lib/time";

// One catalogue file per area and locale, so each module owns its own strings.
const NAMESPACES = ["common", "auth", "admin", "training", "medical", "benefits", "leave"] as const;

async function load(locale: Locale) {
  const parts = await Promise.all(NAMESPACES.map(async (ns) => [ns, (await import(`./messages/${locale}/${ns}.json`)).default] as const));
  return Object.fromEntries(parts);
}

export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: Locale = isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: await load(locale),
    formats: { dateTime: DATE_FORMATS },
  };
});
