import type { InboxItemKind } from "~db/schema";

/** One thing the bell shows: a community notification, a playbook's reminder or an item of plans or advocacy. */
export type InboxItem =
  | {
      source: "community";
      id: string;
      type: "reply" | "accepted" | "mention";
      topicId: string;
      replyId: string | null;
      topicTitle: string;
      actorName: string | null;
      read: boolean;
      createdAt: string;
    }
  | { source: "reminder"; id: string; title: string; href: string; read: boolean; createdAt: string }
  | {
      source: "item";
      id: string;
      kind: InboxItemKind;
      params: Record<string, string>;
      href: string;
      read: boolean;
      createdAt: string;
    };

/** Where an item leads. */
export function inboxItemHref(item: InboxItem): string {
  if (item.source !== "community") return item.href;
  return `/community/topics/${item.topicId}${item.replyId ? `#reply-${item.replyId}` : ""}`;
}
