// Applies the reader's chosen theme before the page paints (loaded blocking in <head>, as a
// file so that the site needs no 'unsafe-inline' in its Content-Security-Policy).
try {
  var t = localStorage.getItem("errcat-theme");
  if (t) document.documentElement.dataset.theme = t;
} catch (e) { /* file:// may forbid storage */ }
