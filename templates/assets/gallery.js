// Paddock: the gallery's full-screen view, no framework. The gallery works without it (links to the pictures).
(function () {
  // The gallery's full-screen view: a <dialog> (Escape closes it), arrow keys and swipes move
  // through the pictures, and each picture's widest JPEG is loaded only when it is shown.
  document.querySelectorAll('[data-gallery]').forEach(function (list) {
    var links = Array.prototype.slice.call(list.querySelectorAll('a'));
    if (!links.length || typeof HTMLDialogElement !== 'function') return;
    var dialog = document.createElement('dialog');
    dialog.className = 'lightbox';
    dialog.innerHTML = '<img alt=""><p class="lightbox-count" aria-live="polite"></p>' +
      '<button type="button" class="lightbox-prev" aria-label="Previous">‹</button>' +
      '<button type="button" class="lightbox-next" aria-label="Next">›</button>' +
      '<button type="button" class="lightbox-close" aria-label="Close">×</button>';
    document.body.appendChild(dialog);
    var image = dialog.querySelector('img'), count = dialog.querySelector('.lightbox-count'), index = 0, startX = null;
    function show(i) {
      index = (i + links.length) % links.length;
      var link = links[index], thumb = link.querySelector('img');
      image.src = link.href;
      image.alt = thumb ? thumb.alt : '';
      if (link.dataset.width) { image.width = link.dataset.width; image.height = link.dataset.height; }
      count.textContent = (index + 1) + ' / ' + links.length;
    }
    links.forEach(function (link, i) {
      link.addEventListener('click', function (event) {
        if (event.button || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        show(i);
        dialog.showModal();
      });
    });
    dialog.querySelector('.lightbox-prev').addEventListener('click', function () { show(index - 1); });
    dialog.querySelector('.lightbox-next').addEventListener('click', function () { show(index + 1); });
    dialog.querySelector('.lightbox-close').addEventListener('click', function () { dialog.close(); });
    dialog.addEventListener('close', function () { links[index].focus(); });
    dialog.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowLeft') { show(index - 1); event.preventDefault(); }
      if (event.key === 'ArrowRight') { show(index + 1); event.preventDefault(); }
    });
    dialog.addEventListener('pointerdown', function (event) { startX = event.clientX; });
    dialog.addEventListener('pointerup', function (event) {
      if (startX === null) return;
      var dx = event.clientX - startX;
      startX = null;
      if (Math.abs(dx) > 40) show(index + (dx < 0 ? 1 : -1));
      else if (event.target === dialog) dialog.close();
    });
  });
})();
