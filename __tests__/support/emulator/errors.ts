/** An AWS service error: the code, message and HTTP status AWS answers with. */
export class AwsError extends Error {
  /** More fields of the JSON error body (for example Organizations' `Reason`). */
  extra: Record<string, unknown> = {};
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** IAM/STS Query errors: "Sender" or "Receiver". */
    readonly type: "Sender" | "Receiver" = status >= 500 ? "Receiver" : "Sender",
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AwsError("ResourceNotFoundException", `${what} not found`, 400);
export const conflict = (what: string) => new AwsError("ConflictException", what, 400);
export const validation = (what: string) => new AwsError("ValidationException", what, 400);

export function withReason(e: AwsError, reason: string): AwsError {
  e.extra = { ...e.extra, Reason: reason };
  return e;
}
