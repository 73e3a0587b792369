/** AWS's tag lists (`[{ Key, Value }]`, sorted by key on the way out) to and from the state's tag maps. */
import { Tags } from "../state";

export const tagsOut = (tags: Tags) =>
  Object.keys(tags)
    .sort()
    .map((Key) => ({ Key, Value: tags[Key] }));

export function tagsIn(list: unknown): Tags {
  const out: Tags = {};
  if (Array.isArray(list)) for (const t of list as { Key: string; Value?: string }[]) out[t.Key] = t.Value ?? "";
  return out;
}
