import { useFetcher, useRevalidator } from "@remix-run/react";
import { type ReactNode, createContext, useContext, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FormReply } from "~/lib/forms";
import { Button } from "~/ui/button";
import { useReplyMessage } from "~/ui/form";
import { type QuizFeedbackView, useLesson } from "./lesson-context";

/**
 * The components course authors use in MDX, without importing them. Quiz answers arrive without
 * their key (stripped at compile time); feedback comes from the server after a submission.
 */
const calloutTones = {
  note: "border-slate-300 bg-slate-50",
  tip: "border-green-400 bg-green-50",
  warning: "border-amber-400 bg-amber-50",
};

function Callout({
  type = "note",
  title,
  children,
}: {
  type?: keyof typeof calloutTones;
  title?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation("training");
  const tone = calloutTones[type] ?? calloutTones.note;
  return (
    <aside
      role="note"
      aria-label={title ?? t(`callout.${type in calloutTones ? type : "note"}`)}
      className={`not-prose my-6 rounded-md border-l-4 px-4 py-3 text-sm text-slate-800 ${tone}`}
    >
      <p className="font-semibold">{title ?? t(`callout.${type in calloutTones ? type : "note"}`)}</p>
      <div className="mt-1 space-y-2 [&_a]:text-brand-700 [&_a]:underline">{children}</div>
    </aside>
  );
}

function Steps({ children }: { children?: ReactNode }) {
  return <div className="my-6 rounded-lg bg-white p-4 ring-1 ring-slate-200 [&_ol]:my-0">{children}</div>;
}

function Video({ src, embed, title }: { src?: string; embed?: string; title?: string }) {
  const { t } = useTranslation("training");
  return (
    <figure className="not-prose my-6">
      {embed ? (
        <iframe
          src={embed}
          title={title ?? ""}
          className="aspect-video w-full rounded-lg ring-1 ring-slate-200"
          allow="fullscreen; picture-in-picture"
          allowFullScreen
          loading="lazy"
        />
      ) : (
        // Captions are the course author's to ship; the title names the video for screen readers.
        // eslint-disable-next-line jsx-a11y/media-has-caption
        <video
          src={src}
          controls
          preload="metadata"
          className="aspect-video w-full rounded-lg bg-black"
          aria-label={title}
        >
          {t("video.unavailable")}
        </video>
      )}
      {title ? <figcaption className="mt-2 text-sm text-slate-600">{title}</figcaption> : null}
    </figure>
  );
}

interface QuizState {
  id: string;
  multiple: boolean;
  feedback: QuizFeedbackView | null;
  name: string;
}
const QuizContext = createContext<QuizState | null>(null);

type QuizAnswer = { feedback?: QuizFeedbackView; form?: FormReply };

function Quiz({
  id,
  question,
  multiple = false,
  children,
}: {
  id: string;
  question: string;
  multiple?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation("training");
  const lesson = useLesson();
  const fetcher = useFetcher<QuizAnswer>({ key: `quiz-${id}` });
  const saved = lesson.passedQuizzes[id] ?? null;
  const feedback = fetcher.data?.feedback ?? saved;
  const error = useReplyMessage(fetcher.data);
  const name = useId();
  const passed = feedback?.passed ?? false;
  return (
    <QuizContext.Provider value={{ id, multiple, feedback, name }}>
      <fetcher.Form
        method="post"
        action={lesson.lessonPath}
        className="not-prose my-8 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
        aria-label={t("quiz.label")}
      >
        <input type="hidden" name="intent" value="quiz" />
        <input type="hidden" name="quizId" value={id} />
        <fieldset>
          <legend className="text-xs font-semibold uppercase tracking-wide text-brand-700">{t("quiz.label")}</legend>
          <p className="mt-1 text-base font-semibold text-slate-900">{question}</p>
          <p className="text-sm text-slate-600">{multiple ? t("quiz.chooseAll") : t("quiz.chooseOne")}</p>
          <ul className="mt-3 space-y-2">{children}</ul>
        </fieldset>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Button disabled={fetcher.state !== "idle"}>{t("quiz.submit")}</Button>
          <div aria-live="polite" className="text-sm">
            {error ? (
              <p role="alert" className="text-red-700">
                {error}
              </p>
            ) : feedback ? (
              <p className={passed ? "font-medium text-green-800" : "font-medium text-red-800"}>
                {passed ? t("quiz.passed") : t("quiz.failed")}
              </p>
            ) : null}
          </div>
        </div>
      </fetcher.Form>
    </QuizContext.Provider>
  );
}

function Answer({ index, children }: { index?: string; children?: ReactNode }) {
  const { t } = useTranslation("training");
  const quiz = useContext(QuizContext);
  const inputId = useId();
  if (!quiz || index === undefined) return null;
  const value = Number(index);
  const shown = quiz.feedback?.answers.find((answer) => answer.index === value);
  const chosen = quiz.feedback?.selected.includes(value) ?? false;
  return (
    <li
      className={`rounded-md px-3 py-2 ring-1 ring-inset ${shown ? (shown.correct ? "bg-green-50 ring-green-200" : "bg-red-50 ring-red-200") : "ring-slate-200"}`}
    >
      <div className="flex items-start gap-3">
        <input
          id={inputId}
          type={quiz.multiple ? "checkbox" : "radio"}
          name="answer"
          value={index}
          defaultChecked={chosen}
          key={quiz.feedback ? `${quiz.feedback.passed}-${chosen}` : "fresh"}
          className="mt-1 h-4 w-4"
        />
        <label htmlFor={inputId} className="text-sm text-slate-900">
          {children}
        </label>
      </div>
      {shown ? (
        <p className={`mt-1 pl-7 text-sm ${shown.correct ? "text-green-800" : "text-red-800"}`}>
          <span className="font-medium">{shown.correct ? t("quiz.rightAnswer") : t("quiz.wrongAnswer")}:</span>{" "}
          {shown.explanation}
        </p>
      ) : null}
    </li>
  );
}

function Practice({ title, children }: { title?: string; children?: ReactNode }) {
  const { t } = useTranslation("training");
  return (
    <section
      aria-label={title ?? t("practice.label")}
      className="not-prose my-8 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{t("practice.label")}</p>
      {title ? <h3 className="mt-1 text-base font-semibold text-slate-900">{title}</h3> : null}
      <ul className="mt-3 space-y-2">{children}</ul>
    </section>
  );
}

function PracticeItem({ itemKey, children }: { itemKey: string; children?: ReactNode }) {
  const lesson = useLesson();
  const revalidator = useRevalidator();
  const inputId = useId();
  // The tick shows at once and is saved in the background until the page has reloaded its state.
  const [ticked, setTicked] = useState<boolean | null>(null);
  const saved = lesson.checkedItems.includes(itemKey);
  useEffect(() => {
    if (ticked === saved && revalidator.state === "idle") setTicked(null);
  }, [ticked, saved, revalidator.state]);
  const checked = ticked ?? saved;
  return (
    <li className="flex items-start gap-3">
      <input
        id={inputId}
        type="checkbox"
        className="mt-1 h-4 w-4 accent-brand-600"
        checked={checked}
        onChange={(event) => {
          const next = event.currentTarget.checked;
          setTicked(next);
          // keepalive: the save outlives a reload or a click away right after the tick (a fetcher's
          // request is cancelled then, and the tick was lost).
          void fetch(`${lesson.lessonPath}/practice`, {
            method: "POST",
            body: new URLSearchParams({ itemKey, checked: String(next) }),
            keepalive: true,
          })
            .then((response) => {
              if (!response.ok) setTicked(null);
              revalidator.revalidate();
            })
            .catch(() => setTicked(null));
        }}
      />
      <label htmlFor={inputId} className="text-sm text-slate-900 [&_p]:m-0">
        {children}
      </label>
    </li>
  );
}

export const mdxComponents = { Callout, Steps, Video, Quiz, Answer, Practice, PracticeItem };
