/** Kept for existing imports: the limits live in the one table of AWS limits, src/aws-limits.ts. */
export { IAM_ROLE_LIMITS } from "../../aws-limits";
