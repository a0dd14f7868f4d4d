/** Pure layouts of what the add-in writes into a workbook; src/excel only writes them. */
export * from "./options";
export * from "./layout";
export * from "./expenditure";
export * from "./targets";
export * from "./skeleton";
export * from "./presence";
export * from "./metrics";
export * from "./insertion";
