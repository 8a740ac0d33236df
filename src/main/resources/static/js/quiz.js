// Live word count under essay answers (assessment/question.jte). Words are counted as the server counts them
// (Essay.words): runs of letters and digits, with apostrophes and hyphens inside. The count updates after a pause in
// typing, so screen readers hear it once rather than at every key. Loaded by each essay; runs once per page.
(() => {
  if (window.sapereQuizWords) return;
  window.sapereQuizWords = true;
  const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;
  const timers = new WeakMap();

  function update(area) {
    const box = document.getElementById(area.dataset.words);
    if (!box) return;
    const words = (area.value.match(WORD) || []).length;
    const min = area.dataset.minWords ? Number(area.dataset.minWords) : null;
    const max = area.dataset.maxWords ? Number(area.dataset.maxWords) : null;
    const outside = words > 0 && ((min !== null && words < min) || (max !== null && words > max));
    const count = box.querySelector('[data-word-count]');
    if (count) count.textContent = String(words);
    const warning = box.querySelector('[data-words-outside]');
    if (warning) warning.hidden = !outside;
    area.setAttribute('aria-invalid', outside ? 'true' : 'false');
  }

  document.addEventListener('input', (event) => {
    const area = event.target;
    if (!(area instanceof HTMLTextAreaElement) || !area.dataset.words) return;
    clearTimeout(timers.get(area));
    timers.set(area, setTimeout(() => update(area), 600));
  });
})();
