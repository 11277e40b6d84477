// Plays a DASH manifest with Shaka Player and ClearKey in Debian's chromium, headless, and prints
// one JSON line: {currentTime, totalVideoFrames, errors, state}. Used by ChromiumPlaybackIT.
// usage: node play.mjs PAGE_URL MPD_URL KID_HEX KEY_HEX [SECONDS]
import { chromium } from 'playwright-core';

const [pageUrl, mpdUrl, kid, key, secondsArg] = process.argv.slice(2);
const seconds = Number(secondsArg || 20);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
});
try {
  const page = await browser.newPage();
  const console = [];
  page.on('console', (m) => console.push(m.text()));
  await page.goto(pageUrl);
  const result = await page.evaluate(async ({ mpdUrl, kid, key, seconds }) => {
    shaka.polyfill.installAll();
    const video = document.getElementById('video');
    const errors = [];
    const player = new shaka.Player();
    await player.attach(video);
    player.addEventListener('error', (e) => errors.push('shaka ' + e.detail.code));
    video.addEventListener('error', () => errors.push('video ' + (video.error && video.error.code)));
    player.configure({ drm: { clearKeys: { [kid]: key } } });
    try {
      await player.load(mpdUrl);
      video.muted = true;
      await video.play();
    } catch (e) {
      errors.push('load ' + (e.code || e.message));
    }
    const start = performance.now();
    while (performance.now() - start < seconds * 1000 && video.currentTime <= 2.5 && errors.length === 0) {
      await new Promise((r) => setTimeout(r, 200));
    }
    const q = video.getVideoPlaybackQuality();
    return { currentTime: video.currentTime, totalVideoFrames: q.totalVideoFrames, errors, readyState: video.readyState };
  }, { mpdUrl, kid, key, seconds });
  result.console = console.slice(-5);
  process.stdout.write(JSON.stringify(result) + '\n');
} finally {
  await browser.close();
}
