/** Pagination as the APIs do it: JSON services with NextToken/MaxResults, IAM with Marker/MaxItems/IsTruncated. */
export function pageJson<T>(items: readonly T[], input: { NextToken?: string; MaxResults?: number }, defaultMax = 100): { items: T[]; NextToken?: string } {
  const start = input.NextToken ? Number(input.NextToken) : 0;
  const max = input.MaxResults ?? defaultMax;
  const end = start + max;
  return { items: items.slice(start, end), NextToken: end < items.length ? String(end) : undefined };
}

export function pageQuery<T>(items: readonly T[], input: { Marker?: string; MaxItems?: string }, defaultMax = 100): { items: T[]; IsTruncated: boolean; Marker?: string } {
  const start = input.Marker ? Number(input.Marker) : 0;
  const max = input.MaxItems ? Number(input.MaxItems) : defaultMax;
  const end = start + max;
  const truncated = end < items.length;
  return { items: items.slice(start, end), IsTruncated: truncated, Marker: truncated ? String(end) : undefined };
}
