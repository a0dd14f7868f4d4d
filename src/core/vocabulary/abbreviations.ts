/**
 * Abbreviations BCF plans use, with what they stand for, so a search for "UCR" finds "Urgent Community
 * Response" and a search for "disabled facilities" finds "DFG". Keys are lower case.
 */
export const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  bcf: ["Better Care Fund"],
  ibcf: ["improved Better Care Fund"],
  labcg: ["Local Authority Better Care Grant"],
  dfg: ["Disabled Facilities Grant"],
  icb: ["Integrated Care Board"],
  ccg: ["Clinical Commissioning Group"],
  la: ["Local Authority"],
  asc: ["Adult Social Care"],
  hwb: ["Health and Wellbeing Board"],
  ucr: ["Urgent Community Response"],
  hicm: ["High Impact Change Model"],
  d2a: ["Discharge to Assess"],
  chc: ["Continuing Healthcare"],
  ic: ["Intermediate Care"],
  mh: ["Mental Health"],
  vcse: ["Voluntary, Community and Social Enterprise"],
  dtoc: ["Delayed Transfers of Care"],
  nel: ["Non-elective admissions"],
  at: ["Assistive Technologies"],
};

/** What an abbreviation stands for (case-insensitive, "i.BCF" or "DFG's" as typed), or [] if none. */
export function expandAbbreviation(word: string): readonly string[] {
  const key = word
    .toLowerCase()
    .replace(/'s$/, "")
    .replace(/[^a-z0-9]/g, "");
  return Object.prototype.hasOwnProperty.call(ABBREVIATIONS, key) ? ABBREVIATIONS[key] : [];
}
