import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { verifyCertificate } from "~/domain/training/certificates.server";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Alert, Card, Facts } from "~/ui/layout";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "common:titles.verifyCertificate"),
  { name: "robots", content: "noindex" },
];

/**
 * Public verification, no sign-in: only the name, the course and the date. An unknown or malformed
 * code is a plain 404, the same for both, so codes can't be probed.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const certificate = await verifyCertificate(params.code);
  if (!certificate) notFound();
  return {
    personName: certificate.personName,
    courseTitle: certificate.courseTitle,
    issuedOn: certificate.issuedAt.toISOString().slice(0, 10),
  };
}

export default function VerifyCertificate() {
  const { t } = useTranslation("training");
  const { personName, courseTitle, issuedOn } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${issuedOn}T00:00:00Z`),
  );
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">{t("verify.title")}</h1>
      <div className="mb-4">
        <Alert tone="success">{t("verify.valid")}</Alert>
      </div>
      <Card>
        <Facts
          items={[
            { label: t("verify.name"), value: personName },
            { label: t("verify.course"), value: courseTitle },
            { label: t("verify.date"), value: <time dateTime={issuedOn}>{date}</time> },
          ]}
        />
      </Card>
    </div>
  );
}
