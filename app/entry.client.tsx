import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { loadLocale } from "~/i18n/bundles";

// Only the page's language is fetched (its own chunk), before hydrating, so the first render
// matches the server's. <html lang> was set by the server from the negotiated locale.
void loadLocale(document.documentElement.lang).then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
