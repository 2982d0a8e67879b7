import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/domain/auth/guards.server";
import { getCertificateForViewer } from "~/domain/training/certificates.server";
import { notFound, requestOrigin } from "~/lib/http.server";
import { formatDateTime } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Button } from "~/ui/button";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "common:titles.certificate", { course: data?.certificate.courseTitle ?? "" });

/** The printable certificate, for its holder (and staff). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const certificate = await getCertificateForViewer(actor, params.code);
  if (!certificate) notFound();
  return {
    certificate: { ...certificate, issuedAt: certificate.issuedAt.toISOString() },
    verifyUrl: `${requestOrigin(request)}/certificates/${certificate.code}`,
    timeZone: actor.timeZone,
  };
}

export default function CertificatePage() {
  const { t } = useTranslation("training");
  const { certificate, verifyUrl, timeZone } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }).format(new Date(certificate.issuedAt));
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link to={`/training/${certificate.courseSlug}`} className="text-sm text-brand-700 hover:underline">
          {t("certificate.back")}
        </Link>
        <Button type="button" variant="secondary" onClick={() => window.print()}>
          {t("certificate.print")}
        </Button>
      </div>
      <section
        aria-labelledby="certificate-title"
        className="mx-auto max-w-3xl rounded-lg border-8 border-double border-brand-600 bg-white px-8 py-12 text-center shadow-sm print:shadow-none"
      >
        <h1 id="certificate-title" className="text-3xl font-semibold tracking-tight text-slate-900">
          {t("certificate.title")}
        </h1>
        <p className="mt-8 text-slate-600">{t("certificate.certifies")}</p>
        <p className="mt-2 text-2xl font-semibold text-slate-900">{certificate.personName}</p>
        <p className="mt-4 text-slate-600">{t("certificate.completed")}</p>
        <p className="mt-2 text-xl font-semibold text-brand-800">{certificate.courseTitle}</p>
        <p className="mt-4 text-slate-700">
          <time dateTime={certificate.issuedAt} title={formatDateTime(certificate.issuedAt, locale, timeZone)}>
            {t("certificate.on", { date })}
          </time>
        </p>
        <p className="mt-10 text-xs text-slate-500">
          {t("certificate.version", { version: certificate.courseVersion })}
        </p>
        <p className="mt-1 text-xs text-slate-500">{t("certificate.code", { code: certificate.code })}</p>
        <p className="mt-1 break-all text-xs text-slate-500">{t("certificate.verifyAt", { url: verifyUrl })}</p>
      </section>
    </>
  );
}
