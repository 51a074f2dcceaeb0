// Danish for the workspace's scripts (loaded before every page script): counts with the
// right noun ("1 advarsel", "3 advarsler", "0 advarsler") and numbers grouped "12.246".
"use strict";

/** 12246 → "12.246"; -1500 → "-1.500" (as DanishFormat.integer on the server). */
function formatNumber(n) {
  const digits = String(Math.abs(Math.trunc(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return n < 0 ? `-${grouped}` : grouped;
}

/** The noun for n: `one` for exactly 1 (and -1), `many` otherwise (Danish: "0 noter"). */
function pluralNoun(n, one, many) {
  return Math.abs(n) === 1 ? one : many;
}

/** "1 advarsel", "3 advarsler" (as DanishPlural.count on the server). */
function plural(n, one, many) {
  return `${formatNumber(n)} ${pluralNoun(n, one, many)}`;
}

const oneDecimal = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 3.456 → "3,5" (one decimal, as the LIX is shown). */
function formatDecimal(n) {
  return oneDecimal.format(n);
}

/** A time of day as Danes write it: "kl. 14.05". */
function clockTime(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `kl. ${pad(date.getHours())}.${pad(date.getMinutes())}`;
}
