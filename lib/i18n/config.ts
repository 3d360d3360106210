export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const isLocale = (v: unknown): v is Locale => LOCALES.includes(v as Locale);

/** next-intl's named date formats (lib/i18n/request.ts); "date" reads 2026年11月26日 in zh-CN. */
export const DATE_FORMATS = {
  date: { year: "numeric", month: "long", day: "numeric" },
  short: { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false },
  full: { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false },
  time: { hour: "2-digit", minute: "2-digit", hour12: false },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
