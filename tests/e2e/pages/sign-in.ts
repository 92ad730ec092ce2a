import { expect, type Locator, type Page } from "@playwright/test";

/**
 * "Sign in with Genesys Cloud" (src/components/sign_in_panel.rs in the token drawer,
 * src/components/sign_in_badge.rs in the header) and the demo org's sign-in page
 * (crates/demo-org/src/http/oauth_authorize.rs).
 */
export class SignIn {
  readonly panel: Locator;
  readonly region: Locator;
  readonly clientId: Locator;
  readonly signInButton: Locator;
  readonly signOutButton: Locator;
  /** "Signed in as …" in the header. */
  readonly badge: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole("region", { name: "Sign in with Genesys Cloud" });
    this.region = this.panel.getByLabel("Region");
    this.clientId = this.panel.getByLabel("OAuth client id");
    this.signInButton = this.panel.getByRole("button", { name: "Sign in", exact: true });
    this.signOutButton = this.panel.getByRole("button", { name: "Sign out" });
    this.badge = page.locator("header").getByRole("status").filter({ hasText: /^Signed in as / });
  }

  /** Press "Sign in" and wait for the demo org's sign-in page. */
  async start(): Promise<void> {
    await expect(this.clientId).not.toHaveValue("");
    await this.signInButton.click();
    await expect(this.page.getByRole("heading", { name: "Sign in to the demo org" })).toBeVisible();
  }

  /** On the demo org's page: "Sign in as <name>". */
  async as(name: string): Promise<void> {
    await this.page.getByRole("button", { name: `Sign in as ${name}` }).click();
    await expect(this.badge).toHaveText(`Signed in as ${name}`);
  }
}
