import AxeBuilder from "@axe-core/playwright";
import { type Page, expect } from "@playwright/test";

/*
 * Transitions are stopped first: a button that just changed variant (primary → secondary) fades
 * its colours over 150 ms, and mid-fade its text and background are both grey, which axe rightly
 * calls unreadable. Removing the transition makes every element jump to its final colours.
 */
const NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }";

/** Fails on serious or critical accessibility violations of the page as it is now. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const style = await page.addStyleTag({ content: NO_TRANSITIONS });
  try {
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
  } finally {
    await style.evaluate((element) => (element as ChildNode).remove()).catch(() => {});
  }
}
