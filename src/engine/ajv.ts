/** Old location, kept so imports written against it still resolve: import from ../util/ajv.js. */
export * from "../util/ajv.js";
