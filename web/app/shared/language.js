// Which language the words are in. The languages are data (lang/languages.js, written by
// the build from web/lang/languages.json): adding one needs no code. A wanted tag matches
// a language by the whole tag, else by its primary subtag (de-AT -> de); nothing matching
// gives English.
import { languages } from "../../lang/languages.js";

export { languages };
export const fallback = "en";

// The first of `wanted` (language tags, best first; empty ones skipped) the page has words
// for, or null.
export function matchLanguage(wanted) {
  const tags = languages.map(([tag]) => tag);
  for (const tag of wanted) {
    if (typeof tag !== "string" || tag === "") continue;
    const whole = tags.find((t) => t.toLowerCase() === tag.toLowerCase());
    if (whole) return whole;
    const primary = tag.split(/[-_]/)[0].toLowerCase();
    const same = tags.find((t) => t.toLowerCase() === primary);
    if (same) return same;
  }
  return null;
}
