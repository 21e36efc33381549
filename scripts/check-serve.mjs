// Drive `careerfit serve` in headless Chromium: two students (a desktop window and a
// phone) click through the whole quiz with JavaScript off, the advisor logs in and
// opens the class page; then a separate pass, with JavaScript on only to inject
// axe-core, checks every page type against WCAG 2.1 A and AA and that nothing is
// wider than a phone's screen. Run by scripts/check-serve.sh, which starts the
// server:   node scripts/check-serve.mjs TOOLS STUDENTS_URL ADVISOR_URL SHOTS_DIR
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const [tools, studentsUrl, advisorUrl, shots] = process.argv.slice(2);
const require = createRequire(path.resolve(tools, 'package.json'));
const puppeteer = require('puppeteer-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const base = studentsUrl.replace(/\/$/, '');
const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

let failures = 0;
const fail = (what) => { failures += 1; console.log(`FAIL ${what}`); };

const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// Set once the server refuses Chromium's own form POST for its `Origin: null`
// (sent because of `Referrer-Policy: no-referrer`): from then on the tabs send
// this server's origin instead, so that the remaining pages can be checked.
let patchOrigin = false;
const origin = new URL(base).origin;

/// Put this server's origin on a POST that Chromium sent with `Origin: null`.
async function withOrigin(page) {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const headers = request.headers();
    if (headers.origin === 'null') request.continue({ headers: { ...headers, origin } });
    else request.continue();
  });
}

/// A tab in a browser context of its own (its own cookies), JavaScript as asked.
async function tab(context, viewport, javascript) {
  const page = await context.newPage();
  await page.setViewport(viewport);
  await page.setJavaScriptEnabled(javascript);
  if (patchOrigin) await withOrigin(page);
  return page;
}

/// Start the quiz from the start page; if the server refuses the browser's own
/// POST, say so and start again with the origin put right.
async function startQuiz(page, name) {
  await page.type('#name', name);
  let response = await submit(page, 'form[action="/start"] button[value=next]');
  if (response.status() === 403 && !patchOrigin) {
    const sent = response.request().headers().origin;
    fail(`POST /start from Chromium's own form (Origin: ${sent}) answered 403 "Form not accepted": ` +
         'no browser can start the quiz. The rest of this check sends the real origin.');
    patchOrigin = true;
    await withOrigin(page);
    await page.goto(`${base}/`);
    await page.type('#name', name);
    response = await submit(page, 'form[action="/start"] button[value=next]');
  }
  return response;
}

/// Click and wait for the page it leads to; the response of that navigation.
async function submit(page, selector) {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.click(selector),
  ]);
  return response;
}

/// Nothing wider than the window (JS must be on for this check). A phone's Chromium
/// widens its layout to fit what overflows, so innerWidth grows with the page: the
/// window's width is the one the tab was given.
async function fits(page, what) {
  const width = page.viewport().width;
  const { scroll, inner, wide } = await page.evaluate((width) => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
    // The outermost elements that reach past the window's right edge.
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5)
      .filter((e) => !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 0.5))
      .slice(0, 8)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + String(e.className).split(' ').join('.') : ''}` +
                  ` (right edge ${Math.round(e.getBoundingClientRect().right)}px): ` +
                  JSON.stringify((e.textContent || '').trim().slice(0, 60))),
  }), width);
  if (scroll > width || inner > width) {
    fail(`${what}: ${scroll}px wide in a ${width}px window (innerWidth ${inner})`);
    for (const w of wide) console.log(`    ${w}`);
  }
}

/// Answer a page of questions by clicking labels, as a person would: a random
/// answer of each radio group, one box or none of each tick-any question.
async function answerPage(page) {
  const groups = await page.$$('fieldset');
  for (const group of groups) {
    const choices = await group.$$('label.choice');
    const checkbox = await group.$('input[type=checkbox]');
    if (checkbox) {
      if (Math.random() < 0.7) await choices[Math.floor(Math.random() * choices.length)].click();
    } else {
      // The last radio is "Skip this question"; take one of the answers.
      await choices[Math.floor(Math.random() * (choices.length - 1))].click();
    }
  }
  return groups.length;
}

/// A student clicks through the quiz with JavaScript off; shots of the questions
/// page and the result when `shotName` is given.
async function student(name, viewport, shotName) {
  const context = await browser.createBrowserContext();
  const page = await tab(context, viewport, false);
  const seen = [];
  let response = await page.goto(`${base}/`);
  seen.push([page.url(), response.status()]);
  response = await startQuiz(page, name);
  seen.push([page.url(), response.status()]);
  let pages = 0;
  while (new URL(page.url()).pathname.startsWith('/quiz/')) {
    const heading = await page.$eval('h1', (h) => h.textContent);
    const code = await page.$eval('strong.code', (s) => s.textContent).catch(() => null);
    if (!/^Question \d+–\d+ of 60$/.test(heading)) fail(`${name} ${page.url()}: heading "${heading}"`);
    if (!code) fail(`${name} ${page.url()}: no personal code shown`);
    if (shotName && pages === 0) {
      await page.screenshot({ path: path.join(shots, `${shotName}-questions-screen.png`) });
    }
    const answered = await answerPage(page);
    if (answered === 0) fail(`${name} ${page.url()}: no questions`);
    if (shotName && pages === 0) {
      await page.screenshot({ path: path.join(shots, `${shotName}-questions.png`), fullPage: true });
    }
    pages += 1;
    response = await submit(page, 'button[name=action][value=next]');
    seen.push([page.url(), response.status()]);
  }
  if (new URL(page.url()).pathname !== '/review') fail(`${name}: after the questions, ${page.url()}`);
  const reviewRows = (await page.$$('table.review tbody tr')).length;
  if (reviewRows !== 60) fail(`${name}: the review lists ${reviewRows} answers, not 60`);
  response = await submit(page, 'button[name=action][value=finish]');
  seen.push([page.url(), response.status()]);
  if (!new URL(page.url()).pathname.startsWith('/result/')) fail(`${name}: finish went to ${page.url()}`);
  if (shotName) {
    await page.screenshot({ path: path.join(shots, `${shotName}-result.png`), fullPage: true });
    await page.screenshot({ path: path.join(shots, `${shotName}-result-screen.png`) });
  }
  const resultUrl = page.url();
  // Clicked; where the click leads nowhere within 5 s (it did at the phone's size,
  // with JavaScript off, in puppeteer), followed with the keyboard instead.
  const link = await page.$('a[href$=".json"]');
  const navigation = page.waitForNavigation({ timeout: 5000 });
  await link.click();
  response = await navigation.catch(() => null);
  if (!response) {
    console.log(`note: ${name}: clicking the JSON link did not open it; pressing Enter on it`);
    await link.focus();
    [response] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  }
  seen.push([page.url(), response.status()]);
  const type = response.headers()['content-type'] || '';
  try {
    const result = JSON.parse(await response.text());
    if (!result.quiz && !result.scores && !result.traits) fail(`${name}: the JSON has no result in it`);
  } catch (e) {
    fail(`${name}: the result's JSON does not parse (${type}): ${e.message}`);
  }
  const bad = seen.filter(([, status]) => status >= 400);
  for (const [url, status] of bad) fail(`${name}: ${url} answered ${status}`);
  console.log(`${name} (${viewport.width}x${viewport.height}, JavaScript off): ${pages} question pages, ` +
              `review, finish, result, JSON; ${seen.length} pages, ${bad.length} refused`);
  await context.close();
  return resultUrl;
}

/// axe-core's WCAG 2.1 A and AA rules on the page the tab shows.
async function axe(page, what) {
  await fits(page, what);
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  if (result.violations.length === 0) {
    console.log(`axe ${what}: no violations (${result.passes.length} rules passed)`);
  }
  for (const v of result.violations) {
    fail(`axe ${what}: ${v.id} (${v.impact}): ${v.help}`);
    for (const node of v.nodes) console.log(`    ${node.target.join(' ')}`);
  }
}

/// The axe pass: JavaScript on (for axe only; the server's pages carry none), the
/// CSP bypassed so axe can be injected, a phone-sized window.
async function axePass(resultUrl) {
  const context = await browser.createBrowserContext();
  const page = await tab(context, phone, true);
  await page.setBypassCSP(true);
  await page.goto(`${base}/`);
  await axe(page, 'start page /');
  await startQuiz(page, 'Axe <b>check</b>');
  await axe(page, `questions page ${new URL(page.url()).pathname}`);
  // A page sent back with a problem: a scale answer out of range.
  await page.evaluate(() => {
    const input = document.querySelector('input[type=radio][value="3"]');
    input.value = '9';
    input.checked = true;
  });
  const refused = await submit(page, 'button[name=action][value=next]');
  if (refused.status() !== 422) fail(`a bad answer was answered ${refused.status()}, not 422`);
  await axe(page, `questions page with a problem (${refused.status()})`);
  while (new URL(page.url()).pathname.startsWith('/quiz/')) {
    await submit(page, 'button[name=action][value=next]');
  }
  await axe(page, `review page ${new URL(page.url()).pathname}`);
  await submit(page, 'button[name=action][value=finish]');
  await axe(page, 'result page (own)');
  await page.goto(resultUrl);
  await axe(page, "result page (another student's, no personal code)");
  let response = await page.goto(`${base}/no-such-page`);
  await axe(page, `not found (${response.status()})`);
  response = await page.goto(`${base}/advisor`);
  if (response.status() !== 401) fail(`/advisor without login answered ${response.status()}`);
  await axe(page, `advisor without login (${response.status()})`);
  await context.close();
}

async function advisor() {
  const context = await browser.createBrowserContext();
  const page = await tab(context, desktop, false);
  const response = await page.goto(advisorUrl);
  if (new URL(page.url()).pathname !== '/advisor' || response.status() !== 200) {
    fail(`advisor login: ${page.url()} ${response.status()}`);
  }
  const finished = await page.$eval('#finished', (td) => td.textContent.trim());
  const rows = (await page.$$('table#students tbody tr')).length;
  console.log(`advisor (JavaScript off): /advisor lists ${rows} students, ${finished} finished`);
  const check = await tab(context, desktop, true);
  await check.setBypassCSP(true);
  await check.goto(`${base}/advisor`);
  await axe(check, 'advisor page /advisor (desktop)');
  await check.setViewport(phone);
  await check.goto(`${base}/advisor`);
  await axe(check, 'advisor page /advisor (phone)');
  await context.close();
}

try {
  fs.mkdirSync(shots, { recursive: true });
  await student('Desktop student', desktop, 'desktop');
  const resultUrl = await student('Phone student', phone, 'phone');
  await advisor();
  await axePass(resultUrl);
} catch (e) {
  fail(`the check stopped: ${e.stack || e}`);
} finally {
  await browser.close();
}
console.log(failures ? `${failures} problems` : 'no problems');
process.exit(failures ? 1 : 0);
