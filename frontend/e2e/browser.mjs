// Debian's Chromium driven by playwright-core (no browser download). Playwright gives every
// launch a fresh, empty profile directory (its own --user-data-dir), removed on close.

import { chromium } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true, // playwright passes --headless
    args: CHROMIUM_FLAGS,
  });
}

/** newPage opens a page in a fresh context (its own cookies) at the laptop size the app targets. */
export async function newPage(browser, { lang = 'en', width = 1366, height = 768 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: lang, timezoneId: 'Europe/Berlin', acceptDownloads: true });
  await context.addInitScript((l) => localStorage.setItem('qa.lang', l), lang);
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  return page;
}

export async function signIn(page, base, email, password) {
  await page.goto(`${base}/login`);
  await page.getByLabel(/email|почта|пошта|e-mail/i).fill(email);
  await page.getByLabel(/password|пароль|parolă/i).fill(password);
  await page.locator('form button[type=submit]').click();
  await page.locator('.topbar').waitFor();
}
