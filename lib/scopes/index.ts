export * from "./catalog";
export * from "./enforcement";
