/** Old location of the rule API, kept so imports written against it still resolve: import from ../rule-api/types.js. */
export * from "../rule-api/types.js";
