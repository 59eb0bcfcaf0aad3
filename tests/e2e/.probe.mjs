import { chromium } from 'playwright-core';
const ctx = await chromium.launchPersistentContext('/tmp/probe-profile-' + Date.now(), { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu'], viewport: {width: 900, height: 900}, deviceScaleFactor: 2 });
const page = await ctx.newPage();
await page.goto(process.argv[2]);
await page.waitForTimeout(1000);
if (process.argv[4]) await page.locator(process.argv[4]).first().hover();
await page.screenshot({ path: '/tmp/probe.png', clip: { x: 0, y: 150, width: 900, height: 300 } });
await ctx.close();
