// Replays DevTools Recorder recordings with @puppeteer/replay in the given Chromium; prints JSON figures.
// The browser's switches come from studio replay's own (REPLAY_ARGS, JSON), so both run the same browser.
// "seconds" counts from the browser's launch, as before; "load" is what loading the two packages
// took before that (studio replay's own figure includes its library's start: Playwright's driver).
import fs from "node:fs";

const loading = performance.now();
const { createRunner, PuppeteerRunnerExtension } = await import("@puppeteer/replay");
const { default: puppeteer } = await import("puppeteer-core");
const [, , executablePath, ...files] = process.argv;
const started = performance.now();
const browser = await puppeteer.launch({
  executablePath, headless: true,
  args: JSON.parse(process.env.REPLAY_ARGS || "[]"),
});
let steps = 0, failed = 0;
for (const file of files) {
  const recording = JSON.parse(fs.readFileSync(file, "utf8"));
  const page = await browser.newPage();
  const runner = await createRunner(recording, new PuppeteerRunnerExtension(browser, page, { timeout: 5000 }));
  try { await runner.run(); } catch (error) { failed += 1; console.error(String(error)); }
  steps += recording.steps.length;
  await page.close();
}
await browser.close();
const ended = performance.now();
console.log(JSON.stringify({ steps, failed, seconds: (ended - started) / 1000, load: (started - loading) / 1000 }));
