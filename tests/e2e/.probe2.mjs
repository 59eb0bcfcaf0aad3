import { chromium } from 'playwright-core';
const ctx = await chromium.launchPersistentContext('/tmp/probe-profile-' + Date.now(), { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu'], viewport: {width: 700, height: 260} });
const page = await ctx.newPage();
await page.goto('file:///tmp/bidi.html');
await page.screenshot({ path: '/tmp/probe.png' });
await ctx.close();
