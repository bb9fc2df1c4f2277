/* Follicle: small progressive enhancements. Every page works without this file.
   - skip logic in place: questions whose condition depends on answers on the same page are
     shown or hidden as the person answers (the server applies the same rules);
   - "None of these" clears the other boxes, and the other boxes clear it;
   - links in an error summary move focus to the first field of the question. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function answered(form, item) {
    var fields = form.querySelectorAll('[name="' + item + '"]');
    var out = [];
    fields.forEach(function (f) {
      if ((f.type === "radio" || f.type === "checkbox") && !f.checked) return;
      if (f.disabled || f.value.trim() === "") return;
      out.push(f.value.trim());
    });
    return out.length ? out : null;
  }

  function holds(p, form) {
    if (p.all) return p.all.every(function (q) { return holds(q, form); });
    if (p.any) return p.any.some(function (q) { return holds(q, form); });
    if (p.not) return !holds(p.not, form);
    var values = answered(form, p.item);
    if (p.answered !== undefined) return (values !== null) === p.answered;
    if (values === null) return false;
    if (p.in) return values.some(function (v) { return p.in.indexOf(v) !== -1; });
    if (p.is !== undefined) return values[0] === (p.is ? "yes" : "no");
    return values.some(function (v) {
      var n = Number(v);
      if (!/^[+-]?\d+$/.test(v)) return false;
      return (p.at_least === undefined || n >= p.at_least) && (p.below === undefined || n < p.below);
    });
  }

  function applySkipLogic(form) {
    form.querySelectorAll("[data-enable-when]").forEach(function (block) {
      var show = holds(JSON.parse(block.getAttribute("data-enable-when")), form);
      block.hidden = !show;
      block.querySelectorAll("input, select, textarea").forEach(function (f) { f.disabled = !show; });
    });
  }

  function exclusiveBoxes(form) {
    form.addEventListener("change", function (event) {
      var box = event.target;
      if (box.type !== "checkbox" || !box.checked) return;
      var group = form.querySelectorAll('input[type="checkbox"][name="' + box.name + '"]');
      group.forEach(function (other) {
        if (other === box) return;
        if (box.hasAttribute("data-exclusive") || other.hasAttribute("data-exclusive")) other.checked = false;
      });
    });
  }

  function errorLinks() {
    document.querySelectorAll(".error-summary a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        if (!target) return;
        var field = target.matches("input, select, textarea") ? target : target.querySelector("input, select, textarea");
        if (field) { event.preventDefault(); field.focus(); target.scrollIntoView({ block: "center" }); }
      });
    });
    var summary = document.querySelector(".error-summary");
    if (summary && document.activeElement !== summary) summary.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.assessment-form").forEach(function (form) {
      applySkipLogic(form);
      form.addEventListener("change", function () { applySkipLogic(form); });
      form.addEventListener("input", function () { applySkipLogic(form); });
      exclusiveBoxes(form);
    });
    errorLinks();
  });
})();
