// Danish for the workspace's scripts: counts with the right noun ("1 advarsel", "2 advarsler")
// and numbers and times as Danes write them ("12.246", "3,5", "kl. 14.05").
"use strict";

const Danish = (() => {
  const integer = new Intl.NumberFormat("da-DK");
  const oneDecimal = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    /** "1 advarsel", "0 advarsler", "12.246 tegn": the number and the noun that fits it. */
    count(n, one, many) {
      return `${integer.format(n)} ${n === 1 ? one : many}`;
    },
    integer: (n) => integer.format(n),
    decimal: (n) => oneDecimal.format(n),
    /** "kl. 14.05" */
    time(date) {
      const pad = (n) => String(n).padStart(2, "0");
      return `kl. ${pad(date.getHours())}.${pad(date.getMinutes())}`;
    },
  };
})();
