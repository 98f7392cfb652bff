// Never download a browser at install time: the tests use the system Chromium
// (see tests/support/browser.ts). A download fails on machines with a closed network
// and would fail `npm ci` with it.
module.exports = { skipDownload: true };
