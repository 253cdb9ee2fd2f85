// Drives the built web app in Debian's headless Chromium as a tenant would: order a GPU, accept
// the provider's bid, send the manifest, see the workload's log line, close the lease; rent a
// GPU from an offer, top it up, extend it, close it. Prints
// what happened as one JSON line for the caller to check on chain; saves a screenshot of each
// screen.
//
// EMBER_WEB_URL     the app's address, with `?rpc=ws://…` for the node
// EMBER_SCREENSHOTS where the screenshots go (created)
// EMBER_TENANT      dev account to act as (default Dave)
// EMBER_LOG_LINE    the line the workload prints (default `hello from ember`)
// EMBER_CHROMIUM    the browser (default /usr/bin/chromium)

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const url = process.env.EMBER_WEB_URL;
if (!url) throw new Error('EMBER_WEB_URL is required');
const shots = process.env.EMBER_SCREENSHOTS ?? 'screenshots';
const tenant = process.env.EMBER_TENANT ?? 'Dave';
const logLine = process.env.EMBER_LOG_LINE ?? 'hello from ember';
mkdirSync(shots, { recursive: true });

const manifest = JSON.stringify(
  {
    version: 1,
    name: 'browser',
    workload: { kind: 'command', program: 'sh', args: ['-c', `echo ${logLine}; exec sleep 600`] },
    gpus: { count: 1 },
  },
  null,
  2,
);

const browser = await chromium.launch({
  executablePath: process.env.EMBER_CHROMIUM ?? '/usr/bin/chromium',
  // Without the background-networking flags Chromium keeps dialling Google's hosts.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const consoleLog = [];
page.on('console', (message) => consoleLog.push(`${message.type()}: ${message.text()}`));
page.on('pageerror', (error) => consoleLog.push(`pageerror: ${error.message}`));
page.setDefaultTimeout(60_000);

let step = 'opening the app';
const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
/** Closes `lease` from its card and waits until the close is final and the card gone. */
async function close(lease) {
  await page.click(`[data-testid="close-${lease}"]`);
  const entry = page.locator('#transactions .tx', { hasText: `Close lease #${lease}` });
  await entry.and(page.locator('[data-paid]')).waitFor();
  await page.waitForSelector(`[data-testid="lease-${lease}"]`, { state: 'detached' });
  await entry.and(page.locator('[data-state="finalized"]')).waitFor();
}
const tx = (attribute) => page.locator(`#transactions .tx[data-${attribute}]`).first().getAttribute(`data-${attribute}`);

try {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');

  step = 'listing the providers';
  await page.waitForSelector('[data-testid="providers-table"] .badge.ok');
  await shot('1-providers');

  step = `choosing the dev account ${tenant}`;
  const address = await page.$eval('#account', (select, name) => [...select.options].find((o) => o.text.startsWith(`${name} (dev)`))?.value, tenant);
  if (!address) throw new Error(`no dev account ${tenant} is offered`);
  await page.selectOption('#account', address);
  await page.waitForSelector('[data-testid="balance"]');

  step = 'looking at the offers';
  await page.click('[data-testid="nav-offers"]');
  await page.waitForSelector('[data-testid="offers"]');
  await shot('2-offers');

  step = 'placing an order';
  await page.click('[data-testid="nav-order"]');
  await page.fill('[data-testid="manifest"]', manifest);
  await page.waitForSelector('.manifest-verdict.ok');
  await page.fill('[data-testid="order-price"]', '3');
  await page.click('[data-testid="order-submit"]');
  await page.waitForSelector('[data-testid="order-created"]');
  const order = await tx('order');
  await shot('3-new-order');

  step = `accepting the bid on order #${order}`;
  await page.click('[data-testid="nav-orders"]');
  const accept = page.locator(`[data-testid^="accept-${order}-"]`).first();
  await accept.waitFor();
  await shot('4-bids');
  await accept.click();
  await page.waitForSelector('[data-testid="leases"]');
  const lease = await tx('lease');
  if (!lease) throw new Error('no LeaseStarted event after accepting');
  await page.waitForSelector(`[data-testid="lease-${lease}"]`);

  step = `sending the manifest of lease #${lease}`;
  await page.click(`[data-testid="send-manifest-${lease}"]`);
  await page.waitForSelector(`[data-testid="manifest-accepted-${lease}"]`);

  step = `following the log of lease #${lease}`;
  await page.click(`[data-testid="follow-logs-${lease}"]`);
  // The workload's own output, not the agent's line that names the command.
  await page.locator(`[data-testid="logs-${lease}"] .log-stdout`, { hasText: logLine }).first().waitFor();
  await page.locator(`[data-testid="workload-${lease}"]`, { hasText: 'running' }).waitFor();
  await shot('5-lease');

  step = `extending lease #${lease}, which the chain refuses`;
  // A lease won through an order cannot be extended: the refusal must read as the chain's words.
  await page.fill(`[data-testid="extend-blocks-${lease}"]`, '60');
  await page.click(`[data-testid="extend-${lease}"]`);
  await page.locator('#transactions .tx[data-state="failed"]', { hasText: 'Leases.ExtensionNotOffered: The provider has not agreed to a longer lease' }).waitFor();
  await page.locator('[data-testid="leases"] .error', { hasText: 'ExtensionNotOffered' }).waitFor();

  step = `closing lease #${lease}`;
  await close(lease);
  await shot('6-closed');

  step = 'renting a GPU from the offer';
  await page.click('[data-testid="nav-offers"]');
  const rent = page.locator('[data-testid^="rent-"]:not([disabled])').first();
  await rent.click();
  await page.fill('[data-testid="rent-hours"]', '1');
  await page.waitForSelector('[data-testid="rent-panel"] .manifest-verdict.ok');
  await shot('7-rent');
  await page.click('[data-testid="rent-submit"]');
  await page.waitForSelector('[data-testid="leases"]');
  const rented = await page.locator('#transactions .tx[data-lease]').first().getAttribute('data-lease');
  if (!rented || rented === lease) throw new Error('no new lease after renting');
  await page.waitForSelector(`[data-testid="lease-${rented}"]`);

  step = `topping up and extending lease #${rented}`;
  await page.fill(`[data-testid="topup-amount-${rented}"]`, '1.5');
  await page.click(`[data-testid="topup-${rented}"]`);
  await page.locator('#transactions .tx[data-state="in-block"], #transactions .tx[data-state="finalized"]', { hasText: `Top up lease #${rented}` }).waitFor();
  await page.waitForSelector(`[data-testid="extend-blocks-${rented}"]`);
  await page.fill(`[data-testid="extend-blocks-${rented}"]`, '60');
  await page.click(`[data-testid="extend-${rented}"]`);
  await page.locator('#transactions .tx[data-state="in-block"], #transactions .tx[data-state="finalized"]', { hasText: `Extend lease #${rented}` }).waitFor();
  await page.waitForSelector(`[data-testid="lease-${rented}"]`);
  await shot('8-rented-lease');

  step = `closing lease #${rented}`;
  await close(rented);

  const feesPaid = await page.$$eval('#transactions .tx[data-fee-paid]', (entries) => entries.map((e) => e.dataset.feePaid));
  const closed = await page.$$eval('#transactions .tx[data-paid]', (entries) =>
    entries.map((e) => ({ paid: e.dataset.paid, fees: e.dataset.fees, refunded: e.dataset.refunded })),
  );
  console.log(
    JSON.stringify({
      tenant: address,
      order: Number(order),
      leases: [Number(lease), Number(rented)],
      closed,
      feesPaid,
      transactions: await page.$$eval('#transactions .tx', (entries) => entries.map((e) => e.innerText.replace(/\s+/g, ' '))),
    }),
  );
} catch (error) {
  await shot('failure').catch(() => {});
  console.error(`the browser test failed while ${step}: ${error.message}`);
  console.error(consoleLog.slice(-40).join('\n'));
  process.exitCode = 1;
} finally {
  writeFileSync(join(shots, 'console.log'), consoleLog.join('\n'));
  await browser.close();
}
