/** Old location of the rule API, kept so imports written against it still resolve: import from ../rule-api/mask.js. */
export * from "../rule-api/mask.js";
