// Package browsertest drives the real site in Debian's Chromium (chromedp): directions,
// language switching, phone widths, pages without JavaScript and axe-core accessibility
// checks. It has no code of its own beyond its tests and their helpers.
package browsertest
