// Load benchmark (not a test: it prints figures). Serves dist/ as in production and
// measures, in Debian's Chromium with 4x CPU slowdown:
//   - first visit over a simulated slow 4G link (150 ms RTT, 1.6 Mbps down), cold cache;
//   - reload with no network at all, after one visit (service worker + IndexedDB).
// Each figure is the time from navigation start until the page heading is rendered,
// which in this client-rendered app is when the page becomes usable; for the first
// visit also the first contentful paint, when the loading screen (the centre's name and
// the download's progress, index.html) appears.
//
//   node e2e/bench-load.mjs [RUNS=5]
import { launch, openPage } from "./support.mjs";

const runs = Number(process.argv[2] || 5);
const env = await launch();

async function timeToHeading(page) {
  await page.locator("main h1").first().waitFor();
  return page.evaluate(() => Math.round(performance.now()));
}

async function throttled(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  return cdp;
}

const first = [];
const firstPaint = [];
const offline = [];
let transferred = 0;
for (let i = 0; i < runs; i++) {
  const { context, page } = await openPage(env.browser);
  await throttled(context, page);
  let bytes = 0;
  page.on("response", async (response) => {
    const length = Number((await response.allHeaders())["content-length"] || 0);
    bytes += length;
  });
  await page.goto(env.base + "/");
  first.push(await timeToHeading(page));
  firstPaint.push(await page.evaluate(() => Math.round(performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN)));
  transferred = bytes;
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
    }
  });
  await context.setOffline(true);
  await page.reload();
  offline.push(await timeToHeading(page));
  await context.close();
}
await env.close();

const stats = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]} ms (min ${sorted[0]}, max ${sorted.at(-1)}, n=${list.length})`;
};
console.log(`first visit, slow 4G, 4x CPU:   ${stats(first)}; ${transferred} bytes over the wire`);
console.log(`  first contentful paint:       ${stats(firstPaint)}`);
console.log(`offline reload, 4x CPU:         ${stats(offline)}`);
