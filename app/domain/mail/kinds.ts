// The kinds a person turns on and off, for browser code that must not import the schema.
export { type OptionalMailKind } from "~db/schema/mail";
