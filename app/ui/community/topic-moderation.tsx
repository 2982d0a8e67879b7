import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { TopicPage } from "~/domain/community/reading.server";
import { Button } from "~/ui/button";
import { SelectField } from "~/ui/field";
import { ModerateForm } from "./post-actions";

/** Staff controls of a topic: pin, lock, move, hide / restore / approve. */
export function TopicModeration({
  topic,
  spaces,
}: {
  topic: TopicPage["topic"];
  spaces: { id: string; name: string }[];
}) {
  const { t } = useTranslation("community");
  const fetcher = useFetcher();
  const flag = (intent: string, label: string) => (
    <fetcher.Form method="post" action="/community/moderation">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="topicId" value={topic.id} />
      <Button variant="secondary" className="py-1">
        {label}
      </Button>
    </fetcher.Form>
  );
  return (
    <section
      aria-label={t("topic.moderation")}
      className="mt-4 space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200"
    >
      <h2 className="text-sm font-semibold text-slate-900">{t("topic.moderation")}</h2>
      <div className="flex flex-wrap items-start gap-2">
        {topic.pinned ? flag("unpin", t("topic.unpin")) : flag("pin", t("topic.pin"))}
        {topic.locked ? flag("unlock", t("topic.unlock")) : flag("lock", t("topic.lock"))}
        <ModerateForm postType="topic" postId={topic.id} status={topic.status} label={topic.title} />
      </div>
      <fetcher.Form method="post" action="/community/moderation" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="topicId" value={topic.id} />
        <div className="min-w-48">
          <SelectField
            label={t("topic.moveTo")}
            name="spaceId"
            defaultValue={topic.space.id}
            options={spaces.map((space) => ({ value: space.id, label: space.name }))}
          />
        </div>
        <Button variant="secondary">{t("topic.move")}</Button>
      </fetcher.Form>
    </section>
  );
}
