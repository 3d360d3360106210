// Stored text (category and service names, notices) is Chinese data with an optional English
// twin: the English UI shows the twin when there is one, the Chinese otherwise.
export function localized(locale: string, zh: string, en?: string | null): string {
  return locale === "en" && en ? en : zh;
}
