// The web page of `whosaid serve` as a person uses it, in Debian's Chromium
// (headless, driven by playwright-core): search a speaker, pick the
// suggestion, read the timeline, open a statement with its reports, a
// story and an article, use the filters, and check that the hostile quote
// is shown as text and never run. Screenshots go to OUT_DIR.
//
// usage: node browser_test.js BASE_URL OUT_DIR SPEAKER_PREFIX SPEAKER_NAME
'use strict';

const path = require('path');
const { chromium } = require('playwright-core');

const [base, outDir, prefix, speakerName] = process.argv.slice(2);
const failures = [];
let checks = 0;

function check(cond, what) {
  checks++;
  if (!cond) {
    failures.push(what);
    console.log('FAIL: ' + what);
  }
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-proxy-server'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const dialogs = [];
  const errors = [];
  page.on('dialog', async d => { dialogs.push(d.message()); await d.dismiss(); });
  page.on('pageerror', e => errors.push('page error: ' + e.message));
  page.on('console', m => {
    if (m.type() === 'error') errors.push('console: ' + m.text());
  });
  const shot = name => page.screenshot({ path: path.join(outDir, name), fullPage: true });

  // ---- start page
  await page.goto(base + '/');
  await page.waitForSelector('main h1');
  check((await page.textContent('main h1')).includes('Who said what'), 'home title');
  check(await page.locator('.speakers li').count() > 0, 'home lists speakers');
  await shot('serve-home.png');

  // ---- search with suggestions
  await page.click('#q');
  await page.keyboard.type(prefix, { delay: 40 });
  await page.waitForSelector('#suggest li', { timeout: 10000 });
  const suggestions = await page.locator('#suggest li').allTextContents();
  check(suggestions.some(s => s.includes(speakerName)),
        'suggestions for "' + prefix + '" include ' + speakerName + ': ' + suggestions);
  await page.locator('#suggest li', { hasText: speakerName }).first().click();

  // ---- the speaker's timeline
  await page.waitForSelector('h1.speaker-name');
  check(/#\/speaker\/\d+$/.test(page.url()), 'speaker route in the URL: ' + page.url());
  check((await page.textContent('h1.speaker-name')) === speakerName, 'speaker name shown');
  const rows = page.locator('.timeline .statement');
  check(await rows.count() >= 2, 'timeline shows the statements');
  check(await page.locator('.timeline .story h2').count() >= 1, 'timeline grouped by story');
  const badges = await page.locator('.timeline .badge').allTextContents();
  check(badges.includes('Harbour Courier'), 'outlet badge shown: ' + badges);
  const counts = await page.locator('.timeline .reports-link').allTextContents();
  check(counts.length > 0 && counts.every(c => /^\d+ reports?$/.test(c)),
        'report counts shown: ' + counts);
  check(counts.includes('2 reports'), 'a statement with 2 reports: ' + counts);

  // The hostile quote: on screen as text, no script element added, no alert.
  const hostile = rows.filter({ hasText: '<script>alert(1)</script>' });
  check(await hostile.count() === 1, 'the <script> quote is shown as text');
  const texts = await page.locator('.timeline blockquote').allTextContents();
  check(texts.some(t => t.includes('"quotes" & <tags>')), 'quotes and tags shown as text');
  check(await page.evaluate(() => document.querySelectorAll('script').length) === 1,
        'no script element was inserted');
  check(await page.evaluate(() => document.querySelectorAll('main tags').length) === 0,
        'no <tags> element was inserted');
  await shot('serve-timeline.png');

  // ---- a statement with every report
  await hostile.locator('.reports-link').click();
  await page.waitForSelector('.reports .report');
  check(/#\/statement\/\d+$/.test(page.url()), 'statement route: ' + page.url());
  const id = page.url().match(/statement\/(\d+)/)[1];
  const st = await (await page.request.get(base + '/api/v1/statements/' + id)).json();
  check((await page.textContent('h1')) === speakerName + ' said', 'statement heading');
  check((await page.textContent('blockquote.big')) === st.text, 'statement text exact');
  const reportTexts = await page.locator('.report .text').allTextContents();
  check(JSON.stringify(reportTexts) === JSON.stringify(st.reports.map(r => r.text)),
        'every report with its exact wording');
  check(await page.locator('.report .badge').count() === st.reports.length,
        'an outlet badge per report');
  // Two outlets carried these words (tests/http/fixtures): both reports
  // stand side by side, each under its own outlet.
  check(st.reports.length >= 2, 'the statement has two reports: ' + st.reports.length);
  const reportBadges = await page.locator('.report .badge').allTextContents();
  check(reportBadges.includes('Harbour Courier') && reportBadges.includes('Baltic Wire'),
        'both outlets shown: ' + reportBadges);
  check((await page.textContent('main h2')).startsWith(st.reports.length + ' reports in 2 outlets'),
        'report and outlet counts in the heading');
  check(await page.locator('.report a[href^="#/article/"]').count() === st.reports.length,
        'a link to each report\'s article');
  check(dialogs.length === 0, 'no dialog opened: ' + dialogs);
  await shot('serve-statement.png');

  // ---- its story, then an article
  await page.click('.meta a[href^="#/story/"]');
  await page.waitForSelector('ul.articles li');
  check(/#\/story\/\d+$/.test(page.url()), 'story route');
  check((await page.textContent('h1')).length > 0, 'story title');
  check(await page.locator('main .statement').count() >= 1, 'story lists its statements');
  await page.click('ul.articles li a[href^="#/article/"]');
  await page.waitForSelector('.article-text p');
  check((await page.textContent('.article-text')).includes('<script>alert(1)</script>'),
        'article text shown as text');
  check(dialogs.length === 0, 'no dialog on the article');

  // ---- filters and shareable URLs
  await page.goBack();
  await page.goBack();
  await page.goBack();
  await page.waitForSelector('h1.speaker-name');
  const sid = page.url().match(/speaker\/(\d+)/)[1];
  await page.selectOption('form.filters select[name="outlet"]', 'Harbour Courier');
  await page.fill('form.filters input[name="since"]', '2025-03-01');
  await page.click('form.filters button[type="submit"]');
  await page.waitForFunction(() => location.hash.includes('outlet='));
  check(page.url().includes('since=2025-03-01') && page.url().includes('outlet=Harbour+Courier'),
        'filters in the URL: ' + page.url());
  await page.waitForSelector('.timeline .statement');
  // Each statement left has a report in that outlet (and maybe others).
  const kept = await page.locator('.timeline .statement').evaluateAll(rows =>
    rows.map(r => [...r.querySelectorAll('.badge')].map(b => b.textContent)));
  check(kept.length > 0 && kept.every(b => b.includes('Harbour Courier')),
        'outlet filter applied: ' + JSON.stringify(kept));
  // A shared link opens the same view in a fresh page.
  const fresh = await browser.newPage();
  await fresh.goto(base + '/#/speaker/' + sid + '?since=2099-01-01');
  await fresh.waitForSelector('main p.muted:has-text("No statements match.")');
  check(true, 'a shared URL with a future date shows nothing');
  await fresh.goto(base + '/#/speaker/999999');
  await fresh.waitForSelector('.error');
  check((await fresh.textContent('.error')).includes('404'), 'unknown speaker: error shown');
  await fresh.goto(base + '/#/statements?speaker=' + encodeURIComponent(speakerName));
  await fresh.waitForSelector('main .statement');
  check(await fresh.locator('main .statement').count() >= 2, 'statements view with a filter');
  await fresh.goto(base + '/#/stories');
  await fresh.waitForSelector('ul.articles li');
  check(await fresh.locator('ul.articles li').count() >= 1, 'stories view');
  await fresh.close();

  check(errors.length === 0, 'no script errors or CSP violations: ' + errors.join(' | '));
  check(dialogs.length === 0, 'no alert ever ran');
  await browser.close();
}

main().then(() => {
  if (failures.length) {
    console.log(failures.length + ' failure(s)');
    process.exit(1);
  }
  console.log('browser: all ' + checks + ' checks passed; screenshots in ' + outDir);
}, e => {
  console.log('FAIL: ' + (e && e.stack ? e.stack : e));
  process.exit(1);
});
