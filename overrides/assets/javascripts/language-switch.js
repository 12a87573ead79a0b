/* Keep the section when switching language: the menu links to the same page
   in the other language, and section anchors are the same in every language,
   so the current #anchor is carried over. */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
  if (link && window.location.hash && !link.hash) link.hash = window.location.hash;
}, true);
