import { useFetchers, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * The bar across the top of the page while a page loads or a form is being sent (a navigation, or a
 * fetcher's submission). It is in the page from the first moment but shows only after a short delay
 * (`.navigation-progress` in tailwind.css, a CSS animation delay rather than a timer), so a quick
 * navigation doesn't flash it; with reduced motion it stands still instead of sliding.
 */
export function NavigationProgress() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const fetchers = useFetchers();
  const busy =
    navigation.state !== "idle" ||
    fetchers.some(
      (fetcher) =>
        fetcher.state === "submitting" ||
        (fetcher.state === "loading" && fetcher.formMethod !== undefined && fetcher.formMethod.toUpperCase() !== "GET"),
    );
  if (!busy) return null;
  return (
    <div role="progressbar" aria-label={t("progress")} className="navigation-progress print:hidden">
      <span />
    </div>
  );
}
