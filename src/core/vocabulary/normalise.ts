/**
 * One way of reading a name, so "Funding Sources", "funding source", "FUNDING-SOURCE (£)" and
 * "Funding  source £" are the same heading: case, punctuation, spacing, the pound sign and a plural
 * "s" make no difference. "%" is kept as the word "percent", since "% NHS" and "NHS" are different columns.
 */

/** Words that end in "s" in the singular; a plural "s" is never stripped from them. */
const KEEP_S = new Set(["nhs", "plus", "status", "gross", "less", "various", "bonus", "basis"]);

function singular(word: string): string {
  if (word.length < 3 || KEEP_S.has(word) || !word.endsWith("s")) return word;
  if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  // "facilities", "authorities": the plural of a word ending in "y".
  if (word.length > 4 && word.endsWith("ies")) return word.slice(0, -3) + "y";
  return word.slice(0, -1);
}

/**
 * The words of a name, lower case and singular: "Disabled Facilities Grant (DFG)" →
 * ["disabled", "facility", "grant", "dfg"]; "% NHS" → ["percent", "nhs"]; "Amount (£)" → ["amount"].
 */
export function nameWords(text: string): string[] {
  const spaced = text
    .toLowerCase()
    .replace(/%/g, " percent ")
    .replace(/&/g, " and ")
    // "p.a." and "i.e." run together before the dots go, so they stay one word.
    .replace(/\b([a-z])\.([a-z])\.?/g, "$1$2")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (spaced === "") return [];
  return spaced.split(" ").map(singular);
}

/** A name reduced to the form two spellings of it share: "Funding Sources (£)" → "funding source". */
export function normaliseName(text: string): string {
  return nameWords(text).join(" ");
}

/** True when two names are the same once case, punctuation, spacing, "£" and plurals are set aside. */
export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

/**
 * Matching by word sets: each spelling of a name is a set of words that must all appear, in any order
 * (extra words such as a year or "(£)" do not matter). The spelling with the most words wins; two
 * different names tied for the most words are a name that cannot be placed, so the result is undefined.
 */
export interface Spelling<Id extends string> {
  id: Id;
  words: string[];
}

export function spellingsOf<Id extends string>(id: Id, phrases: readonly string[]): Spelling<Id>[] {
  return phrases.map((p) => ({ id, words: nameWords(p) }));
}

export function bestSpelling<Id extends string>(
  text: string,
  spellings: readonly Spelling<Id>[]
): Id | undefined {
  const words = new Set(nameWords(text));
  if (words.size === 0) return undefined;
  let best: Id | undefined;
  let bestSize = 0;
  let tied = false;
  for (const s of spellings) {
    if (s.words.length < bestSize) continue;
    if (!s.words.every((w) => words.has(w))) continue;
    if (s.words.length > bestSize) {
      best = s.id;
      bestSize = s.words.length;
      tied = false;
    } else if (s.id !== best) tied = true;
  }
  return tied ? undefined : best;
}
