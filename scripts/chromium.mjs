// Debian's Chromium, headless, for driving the web workbench: the flags keep it off the network this machine lacks.
import { existsSync } from 'node:fs';

const executablePath = process.env.PLUMB_LINE_CHROMIUM ?? '/usr/bin/chromium';
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium through playwright-core; fails with the install command when the browser is missing. */
export async function launchChromium() {
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}; install it (apt-get install -y chromium) or set PLUMB_LINE_CHROMIUM.`);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, headless: true, args });
}
