// Respondent pages work without this file: the server checks every rule. It only saves the respondent a round trip.
(function () {
    "use strict";

    // After a rejected submit the error summary takes focus (GOV.UK pattern), so that a screen reader reads it first
    // and the keyboard starts from the list of problems rather than from the page heading.
    function focusErrorSummary() {
        var summary = document.getElementById("error-summary");
        if (summary) {
            summary.focus();
        }
    }

    // An exclusive option ("None of these") stands alone: ticking it unticks the others of its question, and ticking
    // another unticks it. The server refuses the combination anyway.
    function onChoiceChange(event) {
        var box = event.target;
        if (!box || box.type !== "checkbox" || !box.checked || !box.form) {
            return;
        }

        var exclusive = box.getAttribute("data-exclusive") === "true";
        var group = box.form.querySelectorAll("input[type=checkbox]");
        for (var i = 0; i < group.length; i++) {
            var other = group[i];
            if (other === box || other.name !== box.name || !other.checked) {
                continue;
            }

            if (exclusive || other.getAttribute("data-exclusive") === "true") {
                other.checked = false;
            }
        }
    }

    // Text limits count what a person sees as characters (an emoji is one), as the server does.
    var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

    function textLength(text) {
        var normalised = text.replace(/\r\n/g, "\n").trim();
        if (!segmenter) {
            return Array.from(normalised).length;
        }

        var count = 0;
        var iterator = segmenter.segment(normalised)[Symbol.iterator]();
        while (!iterator.next().done) {
            count++;
        }

        return count;
    }

    function updateCount(field) {
        var max = parseInt(field.getAttribute("data-max-length"), 10);
        var status = document.getElementById(field.getAttribute("data-count-status"));
        if (!status || !(max > 0)) {
            return;
        }

        var left = max - textLength(field.value);
        // The page gives the sentences in the respondent's language, with {0} for the number.
        var n = Math.abs(left);
        var template = status.getAttribute(left >= 0
            ? (n === 1 ? "data-left-one" : "data-left-other")
            : (n === 1 ? "data-over-one" : "data-over-other"));
        status.textContent = (template || "{0}").replace("{0}", String(n));
        status.classList.toggle("text-count-over", left < 0);
    }

    function setUpCounts() {
        var fields = document.querySelectorAll("[data-max-length][data-count-status]");
        for (var i = 0; i < fields.length; i++) {
            updateCount(fields[i]);
        }
    }

    function onInput(event) {
        if (event.target && event.target.hasAttribute && event.target.hasAttribute("data-count-status")) {
            updateCount(event.target);
        }
    }

    function start() {
        document.addEventListener("change", onChoiceChange);
        document.addEventListener("input", onInput);
        setUpCounts();
        focusErrorSummary();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
