// Paddock: privacy-friendly video embeds and quicker listing filters. The site works without it.
(function () {
  // Listing pages load the filters (assets/filters.js) beside this script.
  var me = document.currentScript;
  if (me && document.querySelector('[data-filter-index]')) {
    var filters = document.createElement('script');
    filters.src = me.src.replace(/site\.js(\?.*)?$/, 'filters.js');
    document.head.appendChild(filters);
  }
  document.querySelectorAll('[data-embed]').forEach(function (box) {
    var button = box.querySelector('button');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var frame = document.createElement('iframe');
      frame.src = box.getAttribute('data-embed');
      frame.title = box.getAttribute('data-title') || '';
      frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
      frame.referrerPolicy = 'strict-origin-when-cross-origin';
      box.replaceChildren(frame);
      frame.focus();
    });
  });
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-swap]');
    var current = document.getElementById('listing');
    if (!link || !current || !window.fetch || event.button || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    fetch(link.href).then(function (r) { if (!r.ok) throw r.status; return r.text(); }).then(function (html) {
      var page = new DOMParser().parseFromString(html, 'text/html');
      var next = page.getElementById('listing');
      if (!next) throw 0;
      current.replaceWith(document.adoptNode(next));
      document.title = page.title;
      history.pushState({ swapped: true }, '', link.href);
      next.focus({ preventScroll: true });
    }).catch(function () { location.href = link.href; });
  });
  window.addEventListener('popstate', function (event) {
    if (event.state && event.state.paddockFilters) return;   // filters.js restores its own states
    if (event.state && event.state.swapped || document.getElementById('listing')) location.reload();
  });
})();
