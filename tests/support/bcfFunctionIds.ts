/** The ids of the =BCF.* functions: a contract with users' workbooks, so tests name them once. */
export const BCF_FUNCTION_IDS = [
  "RATE",
  "RATE.CI",
  "PROPORTION",
  "PROPORTION.CI",
  "DSR",
  "DSR.CI",
  "UPLIFT",
  "TARGET",
  "PERIOD",
  "SPLIT",
  "SPC",
  "SPC.ASSURANCE",
  "FUNNEL",
] as const;
