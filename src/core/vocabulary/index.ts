/**
 * One vocabulary of BCF names for the checks, the templates, the skeleton and the pane: the national
 * template's lists, funding sources by year, table headings, and a name normaliser they all match by.
 */
export * from "./lists";
export * from "./normalise";
export * from "./fundingSources";
export * from "./headings";
export * from "./abbreviations";
// Period words ("per month", "p.a.", "weekly"): one definition shared by =BCF.PERIOD and the periods check.
export { periodOf, type Period } from "../periods";
