// Replays DevTools Recorder recordings with @puppeteer/replay in the given Chromium; prints JSON figures.
import fs from "node:fs";
import { createRunner, PuppeteerRunnerExtension } from "@puppeteer/replay";
import puppeteer from "puppeteer-core";

const [, , executablePath, ...files] = process.argv;
const started = performance.now();
const browser = await puppeteer.launch({
  executablePath, headless: true,
  args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
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
console.log(JSON.stringify({ steps, failed, seconds: (performance.now() - started) / 1000 }));
