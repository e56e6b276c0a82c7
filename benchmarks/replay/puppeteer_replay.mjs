// Replays DevTools Recorder recordings with @puppeteer/replay in the given Chromium; prints JSON figures.
// The browser's switches come from studio replay's own (REPLAY_ARGS, JSON), so both run the same browser.
import fs from "node:fs";
import { createRunner, PuppeteerRunnerExtension } from "@puppeteer/replay";
import puppeteer from "puppeteer-core";

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
console.log(JSON.stringify({ steps, failed, seconds: (performance.now() - started) / 1000 }));
