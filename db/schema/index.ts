export * from "./people";
export * from "./auth";
export * from "./mail";
export * from "./activity";
export * from "./plans";
export * from "./events";
export * from "./value";
export * from "./advocacy";
