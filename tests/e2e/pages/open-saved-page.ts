import { expect, type Download, type Locator, type Page } from "@playwright/test";
import * as fs from "node:fs";

/**
 * "Open saved" (`/saved`, src/saved/) and the Export / Copy link bar every comparison has
 * (src/saved/export_bar.rs), found by label and role.
 */
export class OpenSavedPage {
  readonly text: Locator;
  readonly open: Locator;
  readonly file: Locator;
  readonly error: Locator;
  readonly picker: Locator;

  constructor(readonly page: Page) {
    this.text = page.getByRole("textbox", { name: "Saved JSON" });
    this.open = page.getByRole("button", { name: "Open", exact: true });
    this.file = page.locator('input[type="file"]');
    this.error = page.locator("#saved-error");
    this.picker = page.getByRole("region", { name: "Pick a conversation" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/saved");
    await expect(this.text).toBeVisible();
  }

  async paste(json: string): Promise<void> {
    await this.text.fill(json);
    await this.open.click();
  }
}

/** The export bar of the comparison on screen. */
export class ExportBar {
  readonly group: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.group = page.getByRole("group", { name: "Export and share" });
    this.status = this.group.getByRole("status");
  }

  /** Click an export button and return the downloaded file's name and text. */
  async download(name: "Export Markdown" | "Export JSON"): Promise<{ file: Download; text: string }> {
    const [file] = await Promise.all([
      this.page.waitForEvent("download"),
      this.group.getByRole("button", { name, exact: true }).click(),
    ]);
    const path = await file.path();
    return { file, text: fs.readFileSync(path, "utf8") };
  }
}
