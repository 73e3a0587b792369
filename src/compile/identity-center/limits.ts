/** Kept for existing imports: the limits live in the one table of AWS limits, src/aws-limits.ts. */
export { IDENTITY_CENTER_LIMITS, DEFAULT_SESSION } from "../../aws-limits";
