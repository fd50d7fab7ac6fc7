// Drives Ferry's session page in headless Chromium (system /usr/bin/chromium, never a download).
// Usage: node drive.mjs '<scenario json>'   (or a path to a .json file)
// A scenario: { "timeoutMs": 20000, "steps": [ { "page": "rw", "open": "http://..." }, ... ] }
// Steps (each with "page" unless noted):
//   open URL | type TEXT | press KEY | waitText S | waitRegex R | waitLine S | waitState S | waitReason S
//   expectBadge BOOL | expectNoText S | expectInputFrames N | expectInputFramesAtLeast N
//   waitJs EXPRESSION (evaluated in the page until truthy) | expectFrames [TYPE, N] (frames of that type sent)
//   | expectReceivedAtLeast [TYPE, N] (at least N frames of that type received)
//   screenshot PATH | sleep MS (no page) | goto URL | fill SELECTOR + value | click SELECTOR | waitPageText S
//   For the replay page: waitSelector CSS | waitDomText [CSS, S] | waitPlayerTime SECONDS
//   (window.ferryPlayer, an asciinema-player, has played at least that far)
// Prints one JSON report on stdout; exit status 0 when every step passed, 1 when one failed, 2 on bad usage.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const arg = process.argv[2];
if (!arg) {
  console.error('usage: node drive.mjs SCENARIO_JSON');
  process.exit(2);
}
const scenario = JSON.parse(arg.trim().startsWith('{') ? arg : readFileSync(arg, 'utf8'));
const stepTimeout = scenario.timeoutMs ?? 20000;
// A hard bound on the whole run, whatever happens inside Chromium.
const hardLimit = setTimeout(() => {
  console.log(JSON.stringify({ ok: false, error: 'driver timed out' }));
  process.exit(1);
}, (scenario.steps.length + 2) * stepTimeout + 30000);

const pages = {};
const report = { ok: false, step: -1, error: null, pages: {} };
let browser;

async function snapshotOf(name) {
  const p = pages[name];
  const view = await p.page.evaluate(() => ({
    state: window.ferry ? window.ferry.state : null,
    readOnly: window.ferry ? window.ferry.readOnly : null,
    reason: window.ferry ? window.ferry.reason : null,
    cols: window.ferry ? window.ferry.cols : null,
    rows: window.ferry ? window.ferry.rows : null,
    badgeVisible: !!document.getElementById('badge') && !document.getElementById('badge').hidden,
    endedVisible: !!document.getElementById('ended') && !document.getElementById('ended').hidden,
    endedText: document.getElementById('ended') ? document.getElementById('ended').innerText : null,
    header: document.getElementById('bar') ? document.getElementById('bar').innerText : null,
    text: window.ferry ? window.ferry.text() : document.body.innerText.slice(0, 4000),
  })).catch((e) => ({ error: String(e) }));
  return { ...view, url: p.page.url(), framesSent: p.framesSent, inputFramesSent: p.inputFramesSent, typesSent: p.typesSent,
    pageErrors: p.errors };
}

async function open(name, url) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
  const page = await context.newPage();
  const p = { page, framesSent: 0, inputFramesSent: 0, typesSent: {}, typesReceived: {}, errors: [] };
  pages[name] = p;
  page.on('pageerror', (e) => p.errors.push(String(e)));
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => {
      p.framesSent++;
      const type = typeof f.payload === 'string' ? 'text' : f.payload[0];
      p.typesSent[type] = (p.typesSent[type] ?? 0) + 1;
      if (type === 4) p.inputFramesSent++;
    });
    ws.on('framereceived', (f) => {
      const type = typeof f.payload === 'string' ? 'text' : f.payload[0];
      p.typesReceived[type] = (p.typesReceived[type] ?? 0) + 1;
    });
  });
  await page.goto(url, { timeout: stepTimeout });
}

const waitFn = (page, fn, argument) => page.waitForFunction(fn, argument, { timeout: stepTimeout, polling: 50 });

async function run(step) {
  const p = step.page ? pages[step.page] : null;
  if (step.page && !p && step.open === undefined) throw new Error('no page ' + step.page);
  if (step.open !== undefined) return open(step.page, step.open);
  if (step.sleep !== undefined) return new Promise((r) => setTimeout(r, step.sleep));
  const page = p.page;
  // Plain page steps (the login form): goto URL | fill SELECTOR + value | click SELECTOR | waitPageText S
  if (step.goto !== undefined) return page.goto(step.goto, { timeout: stepTimeout });
  if (step.fill !== undefined) return page.fill(step.fill, step.value, { timeout: stepTimeout });
  if (step.waitPageText !== undefined) return waitFn(page, (s) => document.body.innerText.includes(s), step.waitPageText);
  if (step.type !== undefined) {
    // A tmate host's panes: click the active one (clicking another would make it the host's active pane).
    const target = await page.evaluate(() => window.ferry && window.ferry.mode === 'panes'
        ? (document.querySelector('#panes .pane.active') ? '#panes .pane.active' : '#panes .pane:not([hidden])') : '#term');
    await page.click(target);
    return page.keyboard.type(step.type, { delay: 10 });
  }
  if (step.press !== undefined) return page.keyboard.press(step.press);
  if (step.waitText !== undefined) return waitFn(page, (s) => window.ferry && window.ferry.text().includes(s), step.waitText);
  if (step.waitRegex !== undefined) return waitFn(page, (s) => window.ferry && new RegExp(s, 'm').test(window.ferry.text()), step.waitRegex);
  if (step.waitLine !== undefined) {
    return waitFn(page, (s) => window.ferry && window.ferry.text().split('\n').some((l) => l.trim() === s), step.waitLine);
  }
  if (step.waitState !== undefined) return waitFn(page, (s) => window.ferry && window.ferry.state === s, step.waitState);
  if (step.waitReason !== undefined) {
    return waitFn(page, (s) => window.ferry && (window.ferry.reason || '').includes(s), step.waitReason);
  }
  if (step.expectBadge !== undefined) {
    const shown = await page.evaluate(() => !document.getElementById('badge').hidden
        && getComputedStyle(document.getElementById('badge')).display !== 'none');
    if (shown !== step.expectBadge) throw new Error('read-only badge shown: ' + shown);
    return;
  }
  if (step.expectNoText !== undefined) {
    const text = await page.evaluate(() => window.ferry.text());
    if (text.includes(step.expectNoText)) throw new Error('page shows "' + step.expectNoText + '"');
    return;
  }
  if (step.expectInputFrames !== undefined) {
    if (p.inputFramesSent !== step.expectInputFrames) throw new Error('input frames sent: ' + p.inputFramesSent);
    return;
  }
  if (step.expectInputFramesAtLeast !== undefined) {
    if (p.inputFramesSent < step.expectInputFramesAtLeast) throw new Error('input frames sent: ' + p.inputFramesSent);
    return;
  }
  if (step.waitJs !== undefined) return waitFn(page, (expr) => !!(0, eval)(expr), step.waitJs);
  if (step.expectFrames !== undefined) {
    const [type, n] = step.expectFrames;
    if ((p.typesSent[type] ?? 0) !== n) throw new Error('frames of type ' + type + ' sent: ' + (p.typesSent[type] ?? 0));
    return;
  }
  if (step.expectReceivedAtLeast !== undefined) {
    const [type, n] = step.expectReceivedAtLeast;
    if ((p.typesReceived[type] ?? 0) < n) throw new Error('frames of type ' + type + ' received: ' + (p.typesReceived[type] ?? 0));
    return;
  }
  if (step.screenshot !== undefined) return page.screenshot({ path: step.screenshot });
  if (step.waitSelector !== undefined) return page.waitForSelector(step.waitSelector, { timeout: stepTimeout });
  if (step.click !== undefined) return page.click(step.click, { timeout: stepTimeout });
  if (step.waitDomText !== undefined) {
    return waitFn(page, ([css, s]) => [...document.querySelectorAll(css)].some((e) => e.textContent.includes(s)), step.waitDomText);
  }
  if (step.waitPlayerTime !== undefined) {
    const deadline = Date.now() + stepTimeout;
    for (;;) {
      const t = await page.evaluate(() => window.ferryPlayer ? window.ferryPlayer.getCurrentTime() : -1);
      if (t >= step.waitPlayerTime) return;
      if (Date.now() > deadline) throw new Error('player time stayed at ' + t);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('unknown step ' + JSON.stringify(step));
}

try {
  browser = await chromium.launch({
    executablePath: process.env.FERRY_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    timeout: stepTimeout,
  });
  for (let i = 0; i < scenario.steps.length; i++) {
    report.step = i;
    await run(scenario.steps[i]);
  }
  report.ok = true;
  report.step = scenario.steps.length;
} catch (e) {
  report.error = String(e && e.message ? e.message.split('\n')[0] : e);
} finally {
  for (const name of Object.keys(pages)) report.pages[name] = await snapshotOf(name);
  if (browser) await browser.close().catch(() => {});
  clearTimeout(hardLimit);
}
console.log(JSON.stringify(report));
process.exit(report.ok ? 0 : 1);
