/** The Fluent components of the Templates tab's later parts (see LaterParts), in their own chunk. */
export { Badge, Spinner } from "@fluentui/react-components";
