// The emergency numbers the result may offer as a tel: link, by the region subtag of the
// page's locale (docs/glossary.md, "Emergency numbers the app knows"). Anywhere else the
// page shows examples as plain text and links nothing: a wrong number in a crisis costs
// more than no link. The examples (911 / 112 / 999) show under a linked number too: the
// region comes from the language list, which says little about where the person is.
// Sources: the single European emergency number 112 (European Electronic Communications
// Code, Directive (EU) 2018/1972, art. 109) for the 27 EU countries; the Swiss federal
// emergency numbers (112; 144 is the ambulance); UK emergency services (999, 112 also
// works); the national 911 of the United States, Canada and Mexico.

const eu = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
  "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"];

const numbers = new Map([
  ...eu.map((region) => [region, "112"]),
  ["CH", "112"],
  ["GB", "999"],
  ["US", "911"], ["CA", "911"], ["MX", "911"],
]);

// The number for the first of `locales` (BCP 47 tags, best guess first) that names a
// region; null when that region's number is not in the table, or no tag names a region.
export function emergencyNumber(locales) {
  for (const tag of locales) {
    let region;
    try {
      region = tag ? new Intl.Locale(tag).region : undefined;
    } catch {
      continue; // not a language tag
    }
    if (region) return numbers.get(region) ?? null;
  }
  return null;
}

// Where the page itself is read: its own language tag, then the browser's languages.
export function pageLocales(...first) {
  return [...first, globalThis.document?.documentElement.lang, ...(globalThis.navigator?.languages ?? [])];
}
