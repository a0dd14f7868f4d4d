/** What an insertion made, and the one planner that decides what taking it out may touch. */
export * from "./fingerprint";
export * from "./record";
export * from "./planRemoval";
export * from "./planChangesSomething";
