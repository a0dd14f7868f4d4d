/**
 * Which funding source a line's "Source of Funding" names. The NHS minimum contribution is spelt many
 * ways across the years' templates: "NHS minimum contribution", "Minimum CCG Contribution",
 * "Minimum ICB Contribution", "NHS Minimum Contribution (ICB)".
 */
const MINIMUM = /\bmin(imum)?\b/i;
const NHS_BODY = /\b(nhs|ccg|icb)\b/i;

export function isNhsMinimumSource(text: string): boolean {
  return MINIMUM.test(text) && NHS_BODY.test(text);
}
