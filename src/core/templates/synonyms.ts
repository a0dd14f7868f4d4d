/**
 * Names people search the templates by that the templates may spell otherwise: abbreviations and their
 * full names. The funding sources' spellings and the abbreviations come from the BCF vocabulary; the rest
 * are further spellings of the scheme and NHS terms plans abbreviate. Each group is one name: searching any spelling finds the others.
 */
import { ABBREVIATIONS, FUNDING_SOURCE_DEFINITIONS } from "../vocabulary";

const SCHEME_TERMS: readonly (readonly string[])[] = [
  ["DFG", "Disabled Facilities Grant", "Disabled Facilities", "DFG Related Schemes"],
  ["UCR", "Urgent Community Response", "crisis response"],
  ["D2A", "Discharge to Assess"],
  ["iBCF", "improved Better Care Fund"],
  ["BCF", "Better Care Fund"],
  ["CCG", "Clinical Commissioning Group"],
  ["ICB", "Integrated Care Board"],
  ["ICS", "Integrated Care System"],
  ["HWB", "Health and Wellbeing Board"],
  ["A&E", "accident and emergency", "emergency department"],
  ["DToC", "delayed transfers of care", "delayed transfer of care", "delayed discharge"],
  ["NEL", "non-elective admissions", "non-elective admission"],
  ["VCSE", "voluntary sector", "charity / voluntary sector", "voluntary and community sector"],
  ["OT", "occupational therapy", "occupational therapist"],
  ["LA", "local authority", "council"],
];

/** Groups sharing a spelling are one name ("DFG" is a funding source and a scheme type): merged. */
function mergeGroups(groups: readonly (readonly string[])[]): string[][] {
  const merged: string[][] = [];
  for (const group of groups) {
    const key = (s: string) => s.trim().toLowerCase();
    const overlapping = merged.filter((m) => m.some((s) => group.some((g) => key(g) === key(s))));
    const union = [...overlapping.flat(), ...group].filter(
      (s, i, all) => all.findIndex((t) => key(t) === key(s)) === i
    );
    for (const m of overlapping) merged.splice(merged.indexOf(m), 1);
    merged.push(union);
  }
  return merged;
}

/** Every group of spellings: the vocabulary's funding sources and the scheme terms, merged where they share one. */
export const SEARCH_SYNONYMS: readonly (readonly string[])[] = mergeGroups([
  ...FUNDING_SOURCE_DEFINITIONS.map((d) => [d.name, ...d.spellings]),
  ...Object.entries(ABBREVIATIONS).map(([short, long]) => [short, ...long]),
  ...SCHEME_TERMS,
]);
