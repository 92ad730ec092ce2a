import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The Query lab tab (src/tabs/query_lab/). Its controls are many and alike (inputs of one form),
 * so the lab marks them with data-testid; this object names them once for every spec.
 */
export class QueryLabPage {
  readonly root: Locator;
  readonly body: Locator;
  readonly copyBody: Locator;
  readonly runButton: Locator;
  readonly interval: Locator;
  readonly requireEnd: Locator;
  readonly addPredicate: Locator;
  readonly predicateRows: Locator;
  readonly totalHits: Locator;
  readonly status: Locator;
  readonly runDetails: Locator;
  readonly runStatus: Locator;
  readonly correlationId: Locator;
  readonly rawResponse: Locator;
  readonly whyEmpty: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("query-lab");
    this.body = page.getByTestId("query-body");
    this.copyBody = page.getByRole("button", { name: "Copy request body" });
    this.runButton = page.getByTestId("run-query");
    this.interval = page.getByTestId("interval-input");
    this.requireEnd = page.getByTestId("require-end");
    this.addPredicate = page.getByTestId("add-predicate");
    this.predicateRows = page.getByTestId("predicate-row");
    this.totalHits = page.getByTestId("total-hits");
    this.status = page.getByTestId("query-status");
    this.runDetails = page.getByTestId("run-details");
    this.runStatus = page.getByTestId("run-status");
    this.correlationId = page.getByTestId("run-correlation-id");
    this.rawResponse = page.getByTestId("run-raw");
    this.whyEmpty = page.getByTestId("why-empty");
  }

  /** Open the lab for a conversation (`base` when the spec runs its own server). */
  async open(id: string, base = ""): Promise<void> {
    await this.page.goto(`${base}/c/${id}?tab=query`);
    await expect(this.root).toBeVisible();
    // The body is built (valid form) once the interval is known.
    await expect(this.body).toContainText(id);
  }

  /** Run the query and wait for the answer. */
  async run(): Promise<void> {
    await this.runButton.click();
    await expect(this.runButton).toHaveText("Run query");
  }

  /** The body as the lab shows it, parsed. */
  async bodyJson(): Promise<Record<string, unknown>> {
    return JSON.parse((await this.body.textContent()) ?? "{}");
  }

  /** One "Why is it empty?" cause by its kind (`CauseKind` in crates/lens). */
  cause(kind: string): Locator {
    return this.page.locator(`[data-testid="cause"][data-kind="${kind}"]`);
  }

  predicate(i: number) {
    const row = this.predicateRows.nth(i);
    return {
      row,
      level: row.getByTestId("predicate-level"),
      name: row.getByTestId("predicate-name"),
      operator: row.getByTestId("predicate-operator"),
      value: row.getByTestId("predicate-value"),
      gte: row.getByLabel("Metric at least (gte)"),
    };
  }
}
